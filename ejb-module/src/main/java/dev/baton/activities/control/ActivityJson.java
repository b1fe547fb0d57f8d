package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPlugin;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** The JSON documents of the activities API. */
public final class ActivityJson {

    private ActivityJson() {}

    /** A plugin as registered (the registration's fields plus who registered it and when). */
    public static JsonObjectBuilder plugin(ActivityPlugin plugin) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("activity", plugin.getActivity())
                .add("name", plugin.getName())
                .add("stage", plugin.getStage().json());
        if (plugin.getOrder() != null) {
            json.add("order", plugin.getOrder());
        }
        json.add("handler", plugin.getHandler());
        if (plugin.getFilter() != null) {
            json.add("filter", plugin.getFilter());
        }
        if (plugin.getTimeoutSeconds() != null) {
            json.add("timeoutSeconds", plugin.getTimeoutSeconds());
        }
        json.add("optional", plugin.isOptional())
                .add("completion", plugin.getCompletion().json())
                .add(
                        "registeredTime",
                        Instant.ofEpochMilli(plugin.getRegisteredTime()).toString());
        if (plugin.getRegisteredBy() != null) {
            json.add("registeredBy", plugin.getRegisteredBy());
        }
        return json;
    }

    /** {@code {"name", "plugins": {"pre": [...], "parallel": [...], "post": [...]}}}. */
    public static JsonObject activity(String name, List<ActivityPlugin> plugins) {
        JsonObjectBuilder stages = JsonDocuments.builders().createObjectBuilder();
        for (PluginStage stage : PluginStage.values()) {
            stages.add(
                    stage.json(),
                    array(plugins.stream().filter(p -> p.getStage() == stage).toList()));
        }
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("name", name)
                .add("plugins", stages)
                .build();
    }

    /** {@code {"activity", "pre": [...], "parallel": [...], "post": [...]}}, each in running order. */
    public static JsonObject plan(ActivityPlan plan) {
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("activity", plan.activity())
                .add("pre", array(plan.pre()))
                .add("parallel", array(plan.parallel()))
                .add("post", array(plan.post()))
                .build();
    }

    /** {@code {"items": [{"name", "plugins": {"pre": n, "parallel": n, "post": n}}]}}. */
    public static JsonObject activities(List<ActivityRegistry.ActivitySummary> activities) {
        JsonArrayBuilder items = JsonDocuments.builders().createArrayBuilder();
        for (ActivityRegistry.ActivitySummary activity : activities) {
            JsonObjectBuilder counts = JsonDocuments.builders().createObjectBuilder();
            for (PluginStage stage : PluginStage.values()) {
                counts.add(stage.json(), activity.plugins().getOrDefault(stage, 0));
            }
            items.add(JsonDocuments.builders()
                    .createObjectBuilder()
                    .add("name", activity.name())
                    .add("plugins", counts));
        }
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("items", items)
                .build();
    }

    private static JsonArrayBuilder array(List<ActivityPlugin> plugins) {
        JsonArrayBuilder array = JsonDocuments.builders().createArrayBuilder();
        plugins.forEach(p -> array.add(plugin(p)));
        return array;
    }
}

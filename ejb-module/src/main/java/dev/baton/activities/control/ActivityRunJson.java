package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** The status document of an activity run: the run, then per stage each plugin's progress. */
public final class ActivityRunJson {

    private ActivityRunJson() {}

    public static JsonObject run(ActivityRun run, List<ActivityPluginRun> plugins) {
        return summaryBuilder(run).add("plugins", stages(plugins)).build();
    }

    /** The run without its plugins (listings). */
    public static JsonObject summary(ActivityRun run) {
        return summaryBuilder(run).build();
    }

    private static JsonObjectBuilder summaryBuilder(ActivityRun run) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("id", run.getId())
                .add("activity", run.getActivity())
                .add("status", run.getStatus().name())
                .add("metadata", JsonDocuments.parseStored(run.getMetadata()));
        if (run.getBatchExecutionId() != null) {
            json.add("batchExecutionId", run.getBatchExecutionId());
        }
        json.add("startTime", Instant.ofEpochMilli(run.getStartTime()).toString());
        if (run.getEndTime() != null) {
            json.add("endTime", Instant.ofEpochMilli(run.getEndTime()).toString());
        }
        if (run.getError() != null) {
            json.add("error", run.getError());
        }
        if (run.getSubmittedBy() != null) {
            json.add("submittedBy", run.getSubmittedBy());
        }
        if (run.getNode() != null) {
            json.add("node", run.getNode());
        }
        return json;
    }

    /** {@code {pre: [...], parallel: [...], post: [...]}}: each plugin's progress, per stage in running order. */
    public static JsonObjectBuilder stages(List<ActivityPluginRun> plugins) {
        JsonObjectBuilder stages = JsonDocuments.builders().createObjectBuilder();
        for (PluginStage stage : PluginStage.values()) {
            JsonArrayBuilder array = JsonDocuments.builders().createArrayBuilder();
            plugins.stream().filter(p -> p.getStage() == stage).forEach(p -> array.add(plugin(p)));
            stages.add(stage.json(), array);
        }
        return stages;
    }

    /** One plugin's progress document. */
    public static JsonObject pluginJson(ActivityPluginRun plugin) {
        return plugin(plugin).build();
    }

    static JsonObjectBuilder plugin(ActivityPluginRun plugin) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("name", plugin.getPlugin())
                .add("handler", plugin.getHandler());
        if (plugin.getOrder() != null) {
            json.add("order", plugin.getOrder());
        }
        if (plugin.getTimeoutSeconds() != null) {
            json.add("timeoutSeconds", plugin.getTimeoutSeconds());
        }
        json.add("optional", plugin.isOptional())
                .add("completion", plugin.getCompletion().json())
                .add("status", plugin.getStatus().json());
        if (plugin.getMessage() != null) {
            json.add("message", plugin.getMessage());
        }
        if (plugin.getResult() != null) {
            json.add("result", JsonDocuments.parseStored(plugin.getResult()));
        }
        if (plugin.getStartTime() != null) {
            json.add("startTime", Instant.ofEpochMilli(plugin.getStartTime()).toString());
        }
        if (plugin.getEndTime() != null) {
            json.add("endTime", Instant.ofEpochMilli(plugin.getEndTime()).toString());
        }
        if (plugin.getTaskId() != null) {
            json.add("taskId", plugin.getTaskId());
        }
        return json;
    }
}

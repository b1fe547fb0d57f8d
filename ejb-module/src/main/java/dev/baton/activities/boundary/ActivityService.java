package dev.baton.activities.boundary;

import dev.baton.activities.control.ActivityJson;
import dev.baton.activities.control.ActivityRegistry;
import dev.baton.activities.control.Metadata;
import dev.baton.activities.control.PluginRegistration;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** The activity facade: plugin registration, listing and plan previews. Each call is one transaction. */
@Stateless
public class ActivityService {

    @Inject
    ActivityRegistry registry;

    /** The stored plugin, and whether it is new (201) or replaced one of the same name (200). */
    public record Registered(JsonObject plugin, boolean created) {}

    /** Registers (or re-registers) a plugin from its JSON registration; 400/422 naming the field. */
    public Registered register(String activity, String body, String user) {
        ActivityRegistry.Registered registered = registry.register(PluginRegistration.parse(activity, body), user);
        return new Registered(ActivityJson.plugin(registered.plugin()).build(), registered.created());
    }

    /** Removes a plugin; 404 when the activity has no plugin of that name. */
    public void deregister(String activity, String plugin) {
        registry.deregister(activity, plugin);
    }

    public JsonObject activities() {
        return ActivityJson.activities(registry.activities());
    }

    /** An activity's plugins per stage in running order; 404 when it has none. */
    public JsonObject activity(String name) {
        return ActivityJson.activity(name, registry.plugins(name));
    }

    /** One plugin as registered; 404 when unknown. */
    public JsonObject plugin(String activity, String plugin) {
        return ActivityJson.plugin(registry.plugin(activity, plugin)).build();
    }

    /** The plugins that would run for the metadata of body {@code {"metadata": {...}}}, per stage. */
    public JsonObject plan(String activity, String body) {
        return ActivityJson.plan(registry.matching(activity, Metadata.parsePlanRequest(body)));
    }
}

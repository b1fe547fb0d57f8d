package dev.baton.activities.boundary;

import dev.baton.activities.control.ActivityCancellation;
import dev.baton.activities.control.ActivityRunJson;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.control.Metadata;
import dev.baton.activities.control.PluginReport;
import dev.baton.activities.control.PluginReports;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Activity runs: start one, list them, read its status document, cancel it, and the plugins' reports
 * on themselves. Each call is one transaction.
 */
@Stateless
public class ActivityRunService {

    @Inject
    ActivityRuns runs;

    @Inject
    PluginReports reports;

    @Inject
    ActivityCancellation cancellation;

    /**
     * Starts a run of {@code activity} for body {@code {"metadata": {...}}} (metadata optional): stores
     * it with its frozen plan; its batch job starts after the commit. 404 when the activity has no
     * plugins, 400 for a bad body.
     */
    public JsonObject start(String activity, String body, String user) {
        Metadata.parsePlanRequest(body); // validates: 400 naming the field
        JsonObject metadata = JsonValue.EMPTY_JSON_OBJECT;
        if (body != null && !body.isBlank()) {
            JsonValue value = JsonDocuments.parse(body).asJsonObject().get("metadata");
            if (value != null && value.getValueType() == JsonValue.ValueType.OBJECT) {
                metadata = value.asJsonObject();
            }
        }
        ActivityRun run = runs.create(activity, metadata, user);
        return ActivityRunJson.run(run, runs.plugins(run.getId()));
    }

    /** The run's status document; 404 when unknown. */
    public JsonObject run(String id) {
        ActivityRun run = runs.run(id);
        return ActivityRunJson.run(run, runs.plugins(id));
    }

    /** {@code {"items": [run without plugins...], "limit": n, "nextCursor": id or null}}, newest first. */
    public JsonObject list(String activity, ActivityRunStatus status, int limit, String cursor) {
        ActivityRuns.ActivityRunPage page = runs.list(activity, status, limit, cursor);
        JsonArrayBuilder items = JsonDocuments.builders().createArrayBuilder();
        page.runs().forEach(r -> items.add(ActivityRunJson.summary(r)));
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("items", items)
                .add("limit", limit);
        return JsonMembers.text(json, "nextCursor", page.nextCursor()).build();
    }

    /**
     * Cancels the run (its unfinished plugins and their tasks; its job stops after the commit); 404 when
     * unknown, 409 when it already ended. Returns the run's status document.
     */
    public JsonObject cancel(String id, String user) {
        ActivityRun run = cancellation.cancel(id, "cancelled by " + user);
        return ActivityRunJson.run(run, runs.plugins(id));
    }

    /**
     * A plugin reports on itself ({@code progress}, {@code complete} or {@code error}; see {@link
     * PluginReports}); returns the plugin's document.
     */
    public JsonObject report(String runId, String plugin, PluginReport.Kind kind, String body) {
        return ActivityRunJson.pluginJson(reports.report(runId, plugin, kind, body));
    }
}

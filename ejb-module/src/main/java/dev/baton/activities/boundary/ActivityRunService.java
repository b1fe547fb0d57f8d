package dev.baton.activities.boundary;

import dev.baton.activities.control.ActivityRunJson;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.control.Metadata;
import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Activity runs: start one, read its status document. Each call is one transaction. */
@Stateless
public class ActivityRunService {

    @Inject
    ActivityRuns runs;

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

    /**
     * A plugin reports its progress, body {@code {"message": "..."}}: replaces the plugin's message while
     * it is InProgress (409 otherwise); 404 for an unknown run or plugin, 400 for a bad body. Returns the
     * plugin's document.
     */
    public JsonObject progress(String runId, String plugin, String body) {
        JsonValue parsed = body == null || body.isBlank() ? null : JsonDocuments.parse(body);
        if (parsed == null || parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("body", "must be an object {\"message\": \"...\"}");
        }
        JsonValue message = parsed.asJsonObject().get("message");
        if (message == null || message.getValueType() != JsonValue.ValueType.STRING) {
            throw ProblemException.badRequest("/message", "must be a string");
        }
        runs.run(runId); // 404 for an unknown run
        ActivityPluginRun p =
                runs.lockPlugin(runId, plugin).orElseThrow(() -> ProblemException.notFound("plugin", plugin));
        if (p.getStatus() != PluginRunStatus.IN_PROGRESS) {
            throw ProblemException.conflict(
                    "plugin '" + plugin + "' is " + p.getStatus().json() + ", not InProgress");
        }
        p.progress(((JsonString) message).getString());
        return ActivityRunJson.pluginJson(p);
    }
}

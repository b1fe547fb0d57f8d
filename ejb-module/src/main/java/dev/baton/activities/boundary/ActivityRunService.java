package dev.baton.activities.boundary;

import dev.baton.activities.control.ActivityRunJson;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.control.Metadata;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
}

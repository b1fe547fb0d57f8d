package dev.baton.cluster.control;

import static dev.baton.infrastructure.json.RequestFields.describe;

import dev.baton.infrastructure.json.RequestFields;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** A heartbeat body: empty, or {@code {"running": ["task id", ...]}}. */
public final class Heartbeats {

    static final int MAX_RUNNING = 10_000;

    private Heartbeats() {}

    /** The task ids the worker says it runs; 400 naming the field when malformed. */
    public static List<String> running(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonObject json = RequestFields.object(body);
        List<Violation> errors = RequestFields.unknownFields(json, java.util.Set.of("running"));
        List<String> running = new ArrayList<>();
        JsonValue value = json.get("running");
        if (value != null && value.getValueType() != JsonValue.ValueType.ARRAY) {
            errors.add(new Violation("/running", "must be an array of task ids, not " + describe(value)));
        } else if (value != null) {
            int index = 0;
            for (JsonValue id : value.asJsonArray()) {
                if (id instanceof JsonString s && s.getString().length() <= 36) {
                    running.add(s.getString());
                } else {
                    errors.add(new Violation("/running/" + index, "must be a task id, not " + describe(id)));
                }
                index++;
            }
            if (running.size() > MAX_RUNNING) {
                errors.add(new Violation("/running", "at most " + MAX_RUNNING + " task ids"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.malformed(errors);
        }
        return running;
    }
}

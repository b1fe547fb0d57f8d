package dev.baton.cluster.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.infrastructure.json.RequestFields;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** A worker's answer to a command: {@code {"ok": true, "result": <any>, "error": "..."}}. */
public record CommandAnswer(boolean ok, JsonValue result, String error) {

    static final Set<String> FIELDS = Set.of("ok", "result", "error");

    public static CommandAnswer parse(String body) {
        JsonObject json = RequestFields.object(body);
        List<Violation> errors = RequestFields.unknownFields(json, FIELDS);
        JsonValue ok = json.get("ok");
        if (ok == null) {
            errors.add(new Violation("/ok", "is required: true or false"));
        } else if (ok != JsonValue.TRUE && ok != JsonValue.FALSE) {
            errors.add(new Violation("/ok", "must be a boolean, not " + describe(ok)));
        }
        String error = text(json, "error", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.malformed(errors);
        }
        return new CommandAnswer(ok == JsonValue.TRUE, json.getOrDefault("result", JsonValue.NULL), error);
    }
}

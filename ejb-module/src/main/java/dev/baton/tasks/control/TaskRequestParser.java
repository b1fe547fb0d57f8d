package dev.baton.tasks.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.integer;
import static dev.baton.infrastructure.json.RequestFields.range;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.RequestFields;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a submission body into a {@link TaskRequest}, reporting every problem at once: malformed JSON
 * (400, line/column), unknown fields and wrong types (400), values out of range (422).
 */
public final class TaskRequestParser {

    static final Set<String> FIELDS =
            Set.of("handler", "params", "priority", "name", "maxTries", "timeoutSeconds", "idempotencyKey");
    /** The longest handler, name or idempotency key. */
    public static final int MAX_TEXT = 200;

    static final int MAX_TRIES_LIMIT = 100;
    static final int MAX_TIMEOUT_SECONDS = 86_400;

    private TaskRequestParser() {}

    public static TaskRequest parse(String body) {
        return parse(JsonDocuments.parse(body));
    }

    public static TaskRequest parse(JsonValue document) {
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("body", "must be a JSON object, not " + describe(document));
        }
        JsonObject json = document.asJsonObject();
        List<Violation> typeErrors = new ArrayList<>();
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                typeErrors.add(
                        new Violation(pointer(field), "unknown field (known: " + String.join(", ", sorted()) + ")"));
            }
        }
        String handler = text(json, "handler", typeErrors);
        String name = text(json, "name", typeErrors);
        String idempotencyKey = text(json, "idempotencyKey", typeErrors);
        JsonNumber priority = integer(json, "priority", typeErrors);
        JsonNumber maxTries = integer(json, "maxTries", typeErrors);
        JsonNumber timeout = integer(json, "timeoutSeconds", typeErrors);
        if (!typeErrors.isEmpty()) {
            throw new ProblemException(
                    400, "bad-request", "Malformed request", summary(typeErrors), typeErrors, java.util.Map.of());
        }
        List<Violation> rules = new ArrayList<>();
        if (handler == null || handler.isBlank()) {
            rules.add(new Violation("/handler", "is required"));
        } else if (handler.length() > MAX_TEXT) {
            rules.add(new Violation("/handler", "must be at most " + MAX_TEXT + " characters"));
        }
        if (name != null && name.length() > MAX_TEXT) {
            rules.add(new Violation("/name", "must be at most " + MAX_TEXT + " characters"));
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_TEXT)) {
            rules.add(new Violation("/idempotencyKey", "must be 1 to " + MAX_TEXT + " characters"));
        }
        range(rules, "/priority", priority, 0, 100);
        range(rules, "/maxTries", maxTries, 1, MAX_TRIES_LIMIT);
        range(rules, "/timeoutSeconds", timeout, 1, MAX_TIMEOUT_SECONDS);
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        JsonValue params = json.get("params");
        return new TaskRequest(
                handler,
                params == null ? JsonValue.EMPTY_JSON_OBJECT : params,
                priority == null ? TaskRequest.DEFAULT_PRIORITY : priority.intValueExact(),
                name,
                maxTries == null ? TaskRequest.DEFAULT_MAX_TRIES : maxTries.intValueExact(),
                timeout == null ? TaskRequest.DEFAULT_TIMEOUT_SECONDS : timeout.intValueExact(),
                idempotencyKey);
    }

    /** The JSON pointer (RFC 6901) of a top-level member. */
    static String pointer(String field) {
        return RequestFields.pointer(field);
    }

    private static List<String> sorted() {
        return FIELDS.stream().sorted().toList();
    }

    private static String summary(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}

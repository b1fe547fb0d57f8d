package dev.baton.tasks.control;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
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
    static final int MAX_TEXT = 200;
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
                        new Violation("/" + field, "unknown field (known: " + String.join(", ", sorted()) + ")"));
            }
        }
        String handler = text(json, "handler", typeErrors);
        String name = text(json, "name", typeErrors);
        String idempotencyKey = text(json, "idempotencyKey", typeErrors);
        List<Violation> rules = new ArrayList<>();
        Integer priority = integer(json, "priority", 0, 100, typeErrors, rules);
        Integer maxTries = integer(json, "maxTries", 1, MAX_TRIES_LIMIT, typeErrors, rules);
        Integer timeout = integer(json, "timeoutSeconds", 1, MAX_TIMEOUT_SECONDS, typeErrors, rules);
        if (!typeErrors.isEmpty()) {
            throw new ProblemException(
                    400, "bad-request", "Malformed request", summary(typeErrors), typeErrors, java.util.Map.of());
        }
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
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        JsonValue params = json.get("params");
        return new TaskRequest(
                handler,
                params == null ? JsonValue.EMPTY_JSON_OBJECT : params,
                priority == null ? TaskRequest.DEFAULT_PRIORITY : priority,
                name,
                maxTries == null ? TaskRequest.DEFAULT_MAX_TRIES : maxTries,
                timeout == null ? TaskRequest.DEFAULT_TIMEOUT_SECONDS : timeout,
                idempotencyKey);
    }

    private static String text(JsonObject json, String field, List<Violation> errors) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new Violation("/" + field, "must be a string, not " + describe(value)));
        return null;
    }

    /**
     * An integer field: a wrong type goes to {@code typeErrors} (400), a value outside {@code [min, max]},
     * however large, to {@code rules} (422), so every range violation is reported together.
     */
    private static Integer integer(
            JsonObject json, String field, int min, int max, List<Violation> typeErrors, List<Violation> rules) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            typeErrors.add(new Violation("/" + field, "must be an integer, not " + describe(value)));
            return null;
        }
        BigDecimal number = n.bigDecimalValue();
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            rules.add(new Violation("/" + field, "must be between " + min + " and " + max + " (was " + n + ")"));
            return null;
        }
        return number.intValueExact();
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
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

package dev.baton.workflows.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.integer;
import static dev.baton.infrastructure.json.RequestFields.pointer;
import static dev.baton.infrastructure.json.RequestFields.range;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a request to start a run: Orchy's {@code {"name": ..., "input": {...}}} plus Baton's optional
 * {@code version}, {@code priority} and {@code idempotencyKey}. 400 for malformed JSON and wrong types,
 * 422 for broken rules, each naming the field.
 */
public final class RunRequestParser {

    private static final Set<String> FIELDS = Set.of("name", "input", "version", "priority", "idempotencyKey");
    static final int MAX_KEY = 200;

    private RunRequestParser() {}

    /**
     * @param body the request body (may be empty when {@code workflowFromPath} is given)
     * @param workflowFromPath the workflow named by the URL, or null when the body must name it
     */
    public static RunRequest parse(String body, String workflowFromPath) {
        if ((body == null || body.isBlank()) && workflowFromPath != null) {
            return new RunRequest(workflowFromPath, null, null, RunRequest.DEFAULT_PRIORITY, null);
        }
        JsonValue document = JsonDocuments.parse(body);
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("body", "must be a JSON object, not " + describe(document));
        }
        JsonObject json = document.asJsonObject();
        List<Violation> typeErrors = new ArrayList<>();
        json.keySet().stream()
                .filter(f -> !FIELDS.contains(f))
                .forEach(f -> typeErrors.add(new Violation(
                        pointer(f),
                        "unknown field (known: "
                                + String.join(", ", FIELDS.stream().sorted().toList()) + ")")));
        String name = text(json, "name", typeErrors);
        String key = text(json, "idempotencyKey", typeErrors);
        JsonNumber version = integer(json, "version", typeErrors);
        JsonNumber priority = integer(json, "priority", typeErrors);
        JsonValue input = json.get("input");
        if (input != null
                && input.getValueType() != JsonValue.ValueType.OBJECT
                && input.getValueType() != JsonValue.ValueType.NULL) {
            typeErrors.add(new Violation("/input", "must be a JSON object, not " + describe(input)));
        }
        if (!typeErrors.isEmpty()) {
            throw new ProblemException(
                    400, "bad-request", "Malformed request", summary(typeErrors), typeErrors, Map.of());
        }
        List<Violation> rules = new ArrayList<>();
        if (workflowFromPath != null) {
            if (name != null && !name.equals(workflowFromPath)) {
                rules.add(new Violation(
                        "/name", "names workflow '" + name + "' but the URL names '" + workflowFromPath + "'"));
            }
            name = workflowFromPath;
        } else if (name == null || name.isBlank()) {
            rules.add(new Violation("/name", "is required: the workflow to run"));
        }
        if (key != null && (key.isEmpty() || key.length() > MAX_KEY)) {
            rules.add(new Violation("/idempotencyKey", "must be 1 to " + MAX_KEY + " characters"));
        }
        range(rules, "/version", version, 1, Integer.MAX_VALUE);
        range(rules, "/priority", priority, 0, 100);
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        return new RunRequest(
                name,
                version == null ? null : version.intValueExact(),
                input == null || input.getValueType() == JsonValue.ValueType.NULL ? null : input,
                priority == null ? RunRequest.DEFAULT_PRIORITY : priority.intValueExact(),
                key);
    }

    private static String summary(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}

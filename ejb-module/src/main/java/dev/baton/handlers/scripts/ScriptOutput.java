package dev.baton.handlers.scripts;

import dev.baton.handlers.spi.ChildSpec;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a script printed. Empty stdout is a null result; otherwise stdout must be exactly one JSON
 * value (nothing after it).
 * An object whose only key is {@code "$split"} asks for children:
 * {@code {"$split": [{"handler": "x", "params": {...}, "priority": 50, "name": "..."}]}}.
 */
public final class ScriptOutput {

    public static final String SPLIT_KEY = "$split";

    private ScriptOutput() {}

    public static HandlerOutcome parse(String stdout) {
        if (stdout == null || stdout.isBlank()) {
            return HandlerOutcome.success(JsonValue.NULL);
        }
        JsonValue value;
        try {
            value = JsonDocuments.parse(stdout);
        } catch (ProblemException e) {
            return HandlerOutcome.failure(
                    "stdout is not a JSON value: " + e.getMessage() + "; stdout began: " + Tails.head(stdout, 200));
        }
        return outcomeOf(value);
    }

    /**
     * The outcome a result value stands for: a split when it is {@code {"$split": [...]}}, else success
     * (remote workers report results this way too).
     */
    public static HandlerOutcome outcomeOf(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.OBJECT
                && value.asJsonObject().size() == 1
                && value.asJsonObject().containsKey(SPLIT_KEY)) {
            return split(value.asJsonObject().get(SPLIT_KEY));
        }
        return HandlerOutcome.success(value);
    }

    static HandlerOutcome split(JsonValue spec) {
        if (spec.getValueType() != JsonValue.ValueType.ARRAY
                || spec.asJsonArray().isEmpty()) {
            return HandlerOutcome.failure("$split must be a non-empty array of {handler, params}");
        }
        List<ChildSpec> children = new ArrayList<>();
        int index = 0;
        for (JsonValue item : spec.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                return HandlerOutcome.failure("$split[" + index + "] must be an object");
            }
            JsonObject child = item.asJsonObject();
            JsonValue handler = child.get("handler");
            if (handler == null || handler.getValueType() != JsonValue.ValueType.STRING) {
                return HandlerOutcome.failure("$split[" + index + "].handler must be a string");
            }
            JsonNumber priority = child.get("priority") instanceof JsonNumber n ? n : null;
            children.add(new ChildSpec(
                    child.getString("handler"),
                    child.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT),
                    priority == null ? null : priority.intValue(),
                    child.get("name") != null && child.get("name").getValueType() == JsonValue.ValueType.STRING
                            ? child.getString("name")
                            : null));
            index++;
        }
        return HandlerOutcome.split(children);
    }
}

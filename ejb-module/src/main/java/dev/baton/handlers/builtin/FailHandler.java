package dev.baton.handlers.builtin;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Fails with {@code params.message}; with {@code params.succeedOnTry = n} it fails tries 1..n-1 and
 * succeeds on try n (exercises retries).
 */
@ApplicationScoped
public class FailHandler implements TaskHandler {

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public String description() {
        return "Fails with params.message; succeeds from try params.succeedOnTry on, if given";
    }

    @Override
    public HandlerOutcome handle(TaskContext context) {
        JsonObject params = context.params() != null && context.params().getValueType() == JsonValue.ValueType.OBJECT
                ? context.params().asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
        int succeedOnTry = params.getInt("succeedOnTry", Integer.MAX_VALUE);
        if (context.tryNumber() >= succeedOnTry) {
            return HandlerOutcome.success(
                    Json.createObjectBuilder().add("try", context.tryNumber()).build());
        }
        return HandlerOutcome.failure(
                params.getString("message", "failed on purpose") + " (try " + context.tryNumber() + ")");
    }
}

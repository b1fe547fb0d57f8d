package dev.baton.handlers.builtin;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/** Sleeps {@code params.ms} milliseconds (default 1000), then succeeds with {@code {"slept": ms}}. */
@ApplicationScoped
public class SleepHandler implements TaskHandler {

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public String description() {
        return "Sleeps params.ms milliseconds (default 1000), then succeeds";
    }

    @Override
    public HandlerOutcome handle(TaskContext context) throws InterruptedException {
        long ms = 1000;
        if (context.params() != null && context.params().getValueType() == JsonValue.ValueType.OBJECT) {
            ms = context.params().asJsonObject().getJsonNumber("ms") == null
                    ? ms
                    : context.params().asJsonObject().getJsonNumber("ms").longValue();
        }
        Thread.sleep(ms);
        return HandlerOutcome.success(
                Json.createObjectBuilder().add("slept", ms).build());
    }
}

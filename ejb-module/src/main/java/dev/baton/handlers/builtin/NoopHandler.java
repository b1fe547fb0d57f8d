package dev.baton.handlers.builtin;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/** Does nothing and succeeds with a null result (measures Baton's own overhead). */
@ApplicationScoped
public class NoopHandler implements TaskHandler {

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public boolean inline() {
        return true;
    }

    @Override
    public String description() {
        return "Succeeds at once with a null result";
    }

    @Override
    public HandlerOutcome handle(TaskContext context) {
        return HandlerOutcome.success(JsonValue.NULL);
    }
}

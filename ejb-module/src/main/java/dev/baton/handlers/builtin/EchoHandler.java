package dev.baton.handlers.builtin;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Succeeds with its params as the result. */
@ApplicationScoped
public class EchoHandler implements TaskHandler {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public boolean inline() {
        return true;
    }

    @Override
    public String description() {
        return "Succeeds with the task's params as its result";
    }

    @Override
    public HandlerOutcome handle(TaskContext context) {
        return HandlerOutcome.success(context.params());
    }
}

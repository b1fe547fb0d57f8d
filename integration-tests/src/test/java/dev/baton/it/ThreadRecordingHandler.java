package dev.baton.it;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A test handler, inline like {@code noop}, that remembers which thread ran each task's attempt. */
@ApplicationScoped
public class ThreadRecordingHandler implements TaskHandler {

    static final String NAME = "it-thread-recording";
    static final Map<String, Thread> RAN_ON = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean inline() {
        return true;
    }

    @Override
    public HandlerOutcome handle(TaskContext context) {
        RAN_ON.put(context.taskId(), Thread.currentThread());
        return HandlerOutcome.success(JsonValue.EMPTY_JSON_OBJECT);
    }
}

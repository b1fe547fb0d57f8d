package dev.baton.tasks.control;

import dev.baton.handlers.spi.Phase;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonArray;
import java.time.Duration;

/**
 * A task this node took for one attempt (immutable snapshot; the row is not held locked while it runs).
 * {@code tryNumber} is the attempt's number in the task's history; {@code dispatchSeq} identifies the
 * dispatch it claimed, so a finishing attempt can tell whether the task moved on meanwhile.
 */
public record Claim(
        String taskId,
        String name,
        String handler,
        String params,
        int tryNumber,
        int priority,
        int timeoutSeconds,
        int dispatchSeq) {

    public TaskContext context(Phase phase, JsonArray children) {
        return new TaskContext(
                taskId,
                name,
                JsonDocuments.parseStored(params),
                tryNumber,
                priority,
                Duration.ofSeconds(timeoutSeconds),
                phase,
                children);
    }
}

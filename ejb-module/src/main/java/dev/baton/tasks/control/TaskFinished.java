package dev.baton.tasks.control;

import dev.baton.tasks.entity.TaskAttempt;
import dev.baton.tasks.entity.TaskStatus;
import java.util.List;

/**
 * CDI event, fired inside the transaction in which a task reached a terminal status. Observers that
 * must not act before the commit use {@code during = AFTER_SUCCESS}; observers that record something
 * atomically with the change (a JMS message) observe it in the transaction.
 *
 * @param origin the task's origin (e.g. a workflow action), or null
 * @param attempts the task's whole attempt history, oldest first, when the finishing code holds all of
 *     it (a task that ends in its first attempt), so that observers need not read it back; null when not
 */
public record TaskFinished(String taskId, TaskStatus status, String origin, List<TaskAttempt> attempts) {

    public TaskFinished(String taskId, TaskStatus status, String origin) {
        this(taskId, status, origin, null);
    }

    public TaskFinished {
        attempts = attempts == null ? null : List.copyOf(attempts);
    }
}

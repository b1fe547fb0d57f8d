package dev.baton.tasks.control;

import dev.baton.tasks.entity.TaskStatus;

/**
 * CDI event, fired inside the transaction in which a task reached a terminal status. Observers that
 * must not act before the commit use {@code during = AFTER_SUCCESS}; observers that record something
 * atomically with the change (a JMS message) observe it in the transaction.
 *
 * @param origin the task's origin (e.g. a workflow action), or null
 */
public record TaskFinished(String taskId, TaskStatus status, String origin) {}

package dev.baton.tasks.control;

import dev.baton.tasks.entity.TaskStatus;

/** CDI event: a task reached a terminal status (observers use {@code during = AFTER_SUCCESS}). */
public record TaskFinished(String taskId, TaskStatus status) {}

package dev.baton.tasks.control;

/** CDI event: a task went WAITING for {@code children} children (observed after the commit). */
public record TaskSplit(String taskId, int children) {}

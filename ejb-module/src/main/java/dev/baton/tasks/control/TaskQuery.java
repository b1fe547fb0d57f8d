package dev.baton.tasks.control;

import dev.baton.tasks.entity.TaskStatus;

/** Filters and keyset position for listing tasks, newest first. {@code cursor} is the last id of the previous page. */
public record TaskQuery(
        TaskStatus status, String handler, String user, String parent, Integer priorityMin, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
}

package dev.baton.tasks.control;

import dev.baton.tasks.entity.Task;
import java.util.List;

/** One page of tasks and the cursor of the next page (null on the last page). */
public record TaskPage(List<Task> tasks, String nextCursor) {}

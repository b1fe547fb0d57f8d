package dev.baton.tasks.control;

import dev.baton.tasks.entity.Task;

/** A task of a batch submission: stored now ({@code created}) or the original of a repeated idempotency key. */
public record Submission(Task task, boolean created) {}

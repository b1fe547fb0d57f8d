package dev.baton.tasks.entity;

/** How one attempt at running a task ended. */
public enum AttemptOutcome {
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    SPLIT,
    CANCELLED,
    INTERRUPTED
}

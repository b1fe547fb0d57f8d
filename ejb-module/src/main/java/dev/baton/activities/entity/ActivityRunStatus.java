package dev.baton.activities.entity;

/** An activity run's status: PENDING until its batch job starts, then RUNNING until it ends. */
public enum ActivityRunStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }
}

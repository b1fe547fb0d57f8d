package dev.baton.workflows.control;

/**
 * What a workflow signal message reports. Each is handled under the run's lock and is idempotent: a
 * signal that no longer matches the action's state (a redelivery, a stale timer) changes nothing.
 */
public enum Signal {
    /** The task of a user action reached a terminal status; ref = task id. */
    TASK,
    /** A delay ended or a wait timed out; seq = the action's timer number. */
    TIMER,
    /** A subworkflow run ended; ref = child run id. */
    CHILD,
    /** The activity run of an activity action ended; ref = activity run id. */
    ACTIVITY,
    /** The run's own timeoutSeconds elapsed. */
    TIMEOUT
}

package dev.baton.workflows.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one action in a run.
 *
 * <pre>
 * PENDING ──all incoming branches decided, one taken──▶ READY ──started──▶ RUNNING (task, subworkflow)
 * PENDING ──no incoming branch taken──▶ SKIPPED             READY ──▶ WAITING (delay, wait)
 * READY | RUNNING | WAITING ──▶ COMPLETED | FAILED        FAILED ──retry──▶ READY
 * any non-final ──cancel, terminate, run timeout──▶ CANCELLED
 * </pre>
 */
public enum ActionStatus {
    PENDING,
    READY,
    RUNNING,
    WAITING,
    COMPLETED,
    FAILED,
    SKIPPED,
    CANCELLED;

    private static final Map<ActionStatus, Set<ActionStatus>> TRANSITIONS = new EnumMap<>(ActionStatus.class);

    static {
        TRANSITIONS.put(PENDING, EnumSet.of(READY, SKIPPED, CANCELLED));
        TRANSITIONS.put(READY, EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED));
        TRANSITIONS.put(RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED));
        TRANSITIONS.put(WAITING, EnumSet.of(COMPLETED, FAILED, CANCELLED));
        TRANSITIONS.put(FAILED, EnumSet.of(READY, CANCELLED));
        TRANSITIONS.put(COMPLETED, EnumSet.noneOf(ActionStatus.class));
        TRANSITIONS.put(SKIPPED, EnumSet.noneOf(ActionStatus.class));
        TRANSITIONS.put(CANCELLED, EnumSet.noneOf(ActionStatus.class));
    }

    public boolean canMoveTo(ActionStatus target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<ActionStatus> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** COMPLETED, SKIPPED and CANCELLED never change again. */
    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Started and not finished: a task, a subworkflow, a timer or an event is outstanding. */
    public boolean isInFlight() {
        return this == RUNNING || this == WAITING;
    }
}

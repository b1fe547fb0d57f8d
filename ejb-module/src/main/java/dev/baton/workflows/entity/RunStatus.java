package dev.baton.workflows.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The workflow run lifecycle.
 *
 * <pre>
 * RUNNING ⇄ WAITING (only wait/delay actions active)      RUNNING | WAITING ⇄ PAUSED
 * RUNNING | WAITING | PAUSED ──▶ COMPLETED | FAILED | CANCELLED | TIMED_OUT
 * FAILED ──retry──▶ RUNNING        FAILED ──cancel──▶ CANCELLED
 * </pre>
 */
public enum RunStatus {
    RUNNING,
    WAITING,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED,
    TIMED_OUT;

    private static final Map<RunStatus, Set<RunStatus>> TRANSITIONS = new EnumMap<>(RunStatus.class);

    static {
        TRANSITIONS.put(RUNNING, EnumSet.of(WAITING, PAUSED, COMPLETED, FAILED, CANCELLED, TIMED_OUT));
        TRANSITIONS.put(WAITING, EnumSet.of(RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED, TIMED_OUT));
        TRANSITIONS.put(PAUSED, EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED, TIMED_OUT));
        TRANSITIONS.put(FAILED, EnumSet.of(RUNNING, CANCELLED));
        TRANSITIONS.put(COMPLETED, EnumSet.noneOf(RunStatus.class));
        TRANSITIONS.put(CANCELLED, EnumSet.noneOf(RunStatus.class));
        TRANSITIONS.put(TIMED_OUT, EnumSet.noneOf(RunStatus.class));
    }

    public boolean canMoveTo(RunStatus target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<RunStatus> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** COMPLETED, CANCELLED and TIMED_OUT never change again. */
    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Actions are started only while the run is RUNNING or WAITING. */
    public boolean isActive() {
        return this == RUNNING || this == WAITING;
    }
}

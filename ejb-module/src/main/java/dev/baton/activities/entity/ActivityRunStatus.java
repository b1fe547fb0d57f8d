package dev.baton.activities.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The activity run lifecycle.
 *
 * <pre>
 * PENDING ──job started──▶ RUNNING
 * PENDING | RUNNING ──▶ COMPLETED | FAILED | CANCELLED
 * </pre>
 *
 * PENDING until its batch job starts; a run can end before that (cancelled, or its job's end recorded by
 * recovery). {@link #TRANSITIONS} is the one table of allowed moves.
 */
public enum ActivityRunStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    private static final Map<ActivityRunStatus, Set<ActivityRunStatus>> TRANSITIONS =
            new EnumMap<>(ActivityRunStatus.class);

    static {
        TRANSITIONS.put(PENDING, EnumSet.of(RUNNING, COMPLETED, FAILED, CANCELLED));
        TRANSITIONS.put(RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED));
        TRANSITIONS.put(COMPLETED, EnumSet.noneOf(ActivityRunStatus.class));
        TRANSITIONS.put(FAILED, EnumSet.noneOf(ActivityRunStatus.class));
        TRANSITIONS.put(CANCELLED, EnumSet.noneOf(ActivityRunStatus.class));
    }

    public boolean canMoveTo(ActivityRunStatus target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<ActivityRunStatus> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** COMPLETED, FAILED and CANCELLED never change again. */
    public boolean isTerminal() {
        return TRANSITIONS.get(this).isEmpty();
    }
}

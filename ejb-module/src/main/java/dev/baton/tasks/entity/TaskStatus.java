package dev.baton.tasks.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The task lifecycle (moleculer's input/work/output/error/wait/complete, with clearer names).
 *
 * <pre>
 * QUEUED ──claim──▶ RUNNING ──success──▶ SUCCEEDED
 *   ▲                 │ │ └──split──▶ WAITING ──all children terminal──▶ COMPLETE ──merge──▶ SUCCEEDED | ERROR
 *   └──failed, tries left┘ └──failed, no tries left──▶ ERROR
 * QUEUED | RUNNING | WAITING | COMPLETE ──cancel──▶ CANCELLED
 * ERROR | CANCELLED ──retry──▶ QUEUED
 * </pre>
 *
 * {@link #TRANSITIONS} is the one table of allowed moves; every status change goes through
 * {@link #canMoveTo(TaskStatus)}.
 */
public enum TaskStatus {
    QUEUED,
    RUNNING,
    WAITING,
    COMPLETE,
    SUCCEEDED,
    ERROR,
    CANCELLED;

    private static final Map<TaskStatus, Set<TaskStatus>> TRANSITIONS = new EnumMap<>(TaskStatus.class);

    static {
        TRANSITIONS.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
        TRANSITIONS.put(RUNNING, EnumSet.of(SUCCEEDED, QUEUED, ERROR, WAITING, CANCELLED));
        TRANSITIONS.put(WAITING, EnumSet.of(COMPLETE, CANCELLED));
        TRANSITIONS.put(COMPLETE, EnumSet.of(SUCCEEDED, ERROR, CANCELLED));
        TRANSITIONS.put(SUCCEEDED, EnumSet.noneOf(TaskStatus.class));
        TRANSITIONS.put(ERROR, EnumSet.of(QUEUED));
        TRANSITIONS.put(CANCELLED, EnumSet.of(QUEUED));
    }

    public boolean canMoveTo(TaskStatus target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<TaskStatus> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** A terminal task will not change again unless someone retries it. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == ERROR || this == CANCELLED;
    }

    public static Set<TaskStatus> terminal() {
        return EnumSet.of(SUCCEEDED, ERROR, CANCELLED);
    }
}

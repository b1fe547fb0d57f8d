package dev.baton.cluster.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a cluster member (a remote worker or a server node).
 *
 * <pre>
 * ACTIVE ──drain──▶ DRAINING ──in-flight done or drain timeout──▶ STOPPED ──resume──▶ ACTIVE
 *   ▲  ◀──resume──────┘
 *   └──heartbeat again── DEAD ◀──lease expired── ACTIVE | DRAINING | STOPPED
 * ACTIVE | DRAINING | STOPPED | DEAD ──deregister / shut down──▶ LEFT
 * </pre>
 *
 * {@link #TRANSITIONS} is the one table of allowed moves. The status shown to operators adds whether
 * an ACTIVE member is running anything (see {@link #status(int)}).
 */
public enum MemberState {
    ACTIVE,
    DRAINING,
    STOPPED,
    DEAD,
    LEFT;

    private static final Map<MemberState, Set<MemberState>> TRANSITIONS = new EnumMap<>(MemberState.class);

    static {
        TRANSITIONS.put(ACTIVE, EnumSet.of(DRAINING, DEAD, LEFT));
        TRANSITIONS.put(DRAINING, EnumSet.of(ACTIVE, STOPPED, DEAD, LEFT));
        TRANSITIONS.put(STOPPED, EnumSet.of(ACTIVE, DEAD, LEFT));
        TRANSITIONS.put(DEAD, EnumSet.of(ACTIVE, LEFT));
        TRANSITIONS.put(LEFT, EnumSet.noneOf(MemberState.class));
    }

    public boolean canMoveTo(MemberState target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<MemberState> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** Takes new work only when ACTIVE. */
    public boolean takesWork() {
        return this == ACTIVE;
    }

    /** Alive and expected to heartbeat (its lease can expire). */
    public boolean isAlive() {
        return this == ACTIVE || this == DRAINING || this == STOPPED;
    }

    /** The operator-facing status: IDLE, PROCESSING, STOPPING, STOPPED, DEAD or LEFT. */
    public String status(int running) {
        return switch (this) {
            case ACTIVE -> running > 0 ? "PROCESSING" : "IDLE";
            case DRAINING -> "STOPPING";
            default -> name();
        };
    }
}

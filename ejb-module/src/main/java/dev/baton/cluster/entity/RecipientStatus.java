package dev.baton.cluster.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a command stands for one recipient.
 *
 * <pre>
 * PENDING ──handed to a worker's heartbeat──▶ DELIVERED ──answer──▶ OK | FAILED
 * PENDING ──answer (nodes answer straight away)──▶ OK | FAILED
 * </pre>
 */
public enum RecipientStatus {
    PENDING,
    DELIVERED,
    OK,
    FAILED;

    private static final Map<RecipientStatus, Set<RecipientStatus>> TRANSITIONS = new EnumMap<>(RecipientStatus.class);

    static {
        TRANSITIONS.put(PENDING, EnumSet.of(DELIVERED, OK, FAILED));
        TRANSITIONS.put(DELIVERED, EnumSet.of(OK, FAILED));
        TRANSITIONS.put(OK, EnumSet.noneOf(RecipientStatus.class));
        TRANSITIONS.put(FAILED, EnumSet.noneOf(RecipientStatus.class));
    }

    public boolean canMoveTo(RecipientStatus target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<RecipientStatus> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    public boolean isAnswered() {
        return this == OK || this == FAILED;
    }
}

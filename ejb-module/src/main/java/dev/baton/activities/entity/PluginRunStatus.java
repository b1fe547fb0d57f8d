package dev.baton.activities.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One plugin's status within a run, with the reference's names in JSON ({@link #json()}).
 *
 * <pre>
 * PENDING ──task submitted──▶ IN_PROGRESS ──▶ COMPLETE | ERROR
 * PENDING | IN_PROGRESS ──run cancelled──▶ CANCELLED
 * </pre>
 *
 * {@link #TRANSITIONS} is the one table of allowed moves.
 */
public enum PluginRunStatus {
    PENDING("Pending"),
    IN_PROGRESS("InProgress"),
    COMPLETE("Complete"),
    ERROR("Error"),
    CANCELLED("Cancelled");

    private static final Map<PluginRunStatus, Set<PluginRunStatus>> TRANSITIONS = new EnumMap<>(PluginRunStatus.class);

    static {
        TRANSITIONS.put(PENDING, EnumSet.of(IN_PROGRESS, CANCELLED));
        TRANSITIONS.put(IN_PROGRESS, EnumSet.of(COMPLETE, ERROR, CANCELLED));
        TRANSITIONS.put(COMPLETE, EnumSet.noneOf(PluginRunStatus.class));
        TRANSITIONS.put(ERROR, EnumSet.noneOf(PluginRunStatus.class));
        TRANSITIONS.put(CANCELLED, EnumSet.noneOf(PluginRunStatus.class));
    }

    private final String json;

    PluginRunStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public boolean canMoveTo(PluginRunStatus target) {
        return TRANSITIONS.get(this).contains(target);
    }

    public Set<PluginRunStatus> allowedTargets() {
        return Collections.unmodifiableSet(TRANSITIONS.get(this));
    }

    /** COMPLETE, ERROR and CANCELLED never change again. */
    public boolean isTerminal() {
        return TRANSITIONS.get(this).isEmpty();
    }
}

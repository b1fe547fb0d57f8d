package dev.baton.activities.entity;

import java.util.Locale;

/** The three stages of an activity, in the order they run. */
public enum PluginStage {
    /** Run one at a time, by {@code order}, before the parallel stage. */
    PRE,
    /** Run all at once; the stage waits for all of them. */
    PARALLEL,
    /** Run one at a time, by {@code order}, after the parallel stage. */
    POST;

    /** Whether plugins of this stage run one at a time and so need an {@code order}. */
    public boolean sequential() {
        return this != PARALLEL;
    }

    /** The lower-case name used in JSON ({@code pre}, {@code parallel}, {@code post}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.baton.activities.entity;

import java.util.Locale;

/** What ends a plugin's InProgress: its handler's outcome, or the plugin's own report. */
public enum PluginCompletion {
    /** The plugin's task ends it: success is Complete (with the task's result), failure is Error. */
    HANDLER,
    /**
     * The plugin is asynchronous: its handler only starts the work, and the plugin reports complete or
     * error itself (REST or JMS) within its timeout. A failing handler is still an Error.
     */
    REPORT;

    /** The lower-case name used in JSON ({@code handler}, {@code report}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}

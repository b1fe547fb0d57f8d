package dev.baton.activities.batch;

import dev.baton.activities.entity.PluginRunStatus;
import java.io.Serializable;

/** Where a plugin of a run stands: its status, whether it may fail, and its message. */
public record PluginOutcome(String plugin, PluginRunStatus status, boolean optional, String message)
        implements Serializable {

    /** A required plugin that failed: the activity run fails. */
    public boolean failsTheRun() {
        return status == PluginRunStatus.ERROR && !optional;
    }
}

package dev.baton.activities.batch;

/** Thrown by a step when a required plugin ended in Error: fails the step, and so the job. */
public class PluginFailed extends Exception {
    private static final long serialVersionUID = 1L;

    public PluginFailed(PluginOutcome outcome) {
        super("plugin '" + outcome.plugin() + "' failed: " + outcome.message());
    }
}

package dev.baton.activities.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One partition of step {@code parallel}: runs one parallel plugin (nothing for the empty partition
 * of a run without parallel plugins) and hands its outcome to the collector. A required plugin's Error
 * fails the partition, and so the step, once every partition ended.
 */
@Named("activityPluginBatchlet")
@Dependent
public class ActivityPluginBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String plugin;

    @Inject
    PluginRunner runner;

    @Inject
    StepContext step;

    private volatile boolean stopped;

    @Override
    public String process() throws Exception {
        if (plugin == null || plugin.isEmpty()) {
            return "COMPLETED";
        }
        PluginOutcome outcome = runner.run(runId, plugin, () -> stopped);
        step.setTransientUserData(outcome);
        if (outcome.failsTheRun()) {
            throw new PluginFailed(outcome);
        }
        return stopped ? "STOPPED" : "COMPLETED";
    }

    @Override
    public void stop() {
        stopped = true;
    }
}

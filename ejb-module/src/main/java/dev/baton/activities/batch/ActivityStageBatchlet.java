package dev.baton.activities.batch;

import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.activities.entity.PluginStage;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Steps {@code pre} and {@code post}: runs the stage's plugins one at a time in their order, each after
 * the previous one ended. Complete plugins are skipped (a restart never re-runs them); a required
 * plugin's Error fails the step (the job, and so the run, fail; later stages never run); an optional
 * one's Error is recorded and the stage goes on. A cancelled run's stage ends at its first Cancelled
 * plugin.
 */
@Named("activityStageBatchlet")
@Dependent
public class ActivityStageBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String stage;

    @EJB
    ActivityRunSteps steps;

    @Inject
    PluginRunner runner;

    private volatile boolean stopped;

    @Override
    public String process() throws Exception {
        for (String plugin : steps.plugins(runId, PluginStage.valueOf(stage))) {
            if (stopped) {
                break;
            }
            PluginOutcome outcome = runner.run(runId, plugin, () -> stopped);
            if (outcome.failsTheRun()) {
                throw new PluginFailed(outcome);
            }
            if (outcome.status() != PluginRunStatus.COMPLETE && outcome.status() != PluginRunStatus.ERROR) {
                break; // stopped while waiting (InProgress), or the run was cancelled (Cancelled, Pending)
            }
        }
        return stopped ? "STOPPED" : "COMPLETED";
    }

    @Override
    public void stop() {
        stopped = true;
    }
}

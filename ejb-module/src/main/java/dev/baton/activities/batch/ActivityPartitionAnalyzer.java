package dev.baton.activities.batch;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.logging.Logger;

/**
 * The parallel stage's progress: counts the plugins that ended into the step's persistent user data
 * (visible in the job repository); the plugins' own rows already hold their status.
 */
@Named("activityPartitionAnalyzer")
@Dependent
public class ActivityPartitionAnalyzer extends AbstractPartitionAnalyzer {

    private static final Logger LOG = Logger.getLogger(ActivityPartitionAnalyzer.class.getName());

    @Inject
    StepContext step;

    @Override
    public void analyzeCollectorData(Serializable data) {
        if (data instanceof PluginOutcome outcome) {
            Integer ended = step.getPersistentUserData() instanceof Integer n ? n : 0;
            step.setPersistentUserData(ended + 1);
            LOG.fine(() -> "parallel plugin " + outcome.plugin() + " ended " + outcome.status());
        }
    }

    @Override
    public void analyzeStatus(BatchStatus batchStatus, String exitStatus) {
        LOG.fine(() -> "parallel partition ended " + batchStatus + " / " + exitStatus);
    }
}

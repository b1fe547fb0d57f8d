package dev.baton.tasks.batch;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.logging.Logger;

/** Counts finished partitions into the step's persistent user data (visible in the job repository). */
@Named("splitPartitionAnalyzer")
@Dependent
public class SplitPartitionAnalyzer extends AbstractPartitionAnalyzer {

    private static final Logger LOG = Logger.getLogger(SplitPartitionAnalyzer.class.getName());

    @Inject
    StepContext step;

    @Override
    public void analyzeCollectorData(Serializable data) {
        if (data instanceof SplitPartitionResult result) {
            Integer done = step.getPersistentUserData() instanceof Integer n ? n : 0;
            step.setPersistentUserData(done + (result.to() - result.from()));
            LOG.fine(() -> "split partition [" + result.from() + ", " + result.to() + ") finished");
        }
    }

    @Override
    public void analyzeStatus(BatchStatus batchStatus, String exitStatus) {
        LOG.fine(() -> "split partition ended " + batchStatus + " / " + exitStatus);
    }
}

package dev.baton.activities.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records the execution id on the run when its job (or a restart) begins, and ends the run after. */
@Named("activityRunJobListener")
@Dependent
public class ActivityRunJobListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @EJB
    ActivityRunSteps steps;

    @Override
    public void beforeJob() {
        steps.recordExecution(runId, job.getExecutionId());
    }

    @Override
    public void afterJob() {
        String failure = job.getBatchStatus() == BatchStatus.FAILED ? "the batch job failed" : null;
        steps.end(runId, failure);
    }
}

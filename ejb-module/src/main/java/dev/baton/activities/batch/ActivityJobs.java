package dev.baton.activities.batch;

import dev.baton.activities.control.ActivityRunCreated;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Properties;

/** Starts (and restarts) the {@code activity-run} job of an activity run. */
@ApplicationScoped
public class ActivityJobs {

    public static final String JOB = "activity-run";

    @EJB
    ActivityRunSteps steps;

    @Resource
    ManagedExecutorService executor;

    /** After the run committed, on another thread (this one is inside the transaction's completion). */
    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActivityRunCreated created) {
        executor.execute(() -> start(created.runId()));
    }

    public long start(String runId) {
        long execution = operator().start(JOB, parameters(runId));
        steps.recordExecution(runId, execution);
        return execution;
    }

    public long restart(String runId, long executionId) {
        long execution = operator().restart(executionId, parameters(runId));
        steps.recordExecution(runId, execution);
        return execution;
    }

    private static Properties parameters(String runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", runId);
        return parameters;
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}

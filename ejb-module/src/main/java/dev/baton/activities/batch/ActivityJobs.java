package dev.baton.activities.batch;

import dev.baton.activities.control.ActivityRunCancelled;
import dev.baton.activities.control.ActivityRunCreated;
import dev.baton.infrastructure.config.BatonConfig;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Logger;

/** Starts (and restarts) the {@code activity-run} job of an activity run, and stops it when it is cancelled. */
@ApplicationScoped
public class ActivityJobs {

    private static final Logger LOG = Logger.getLogger(ActivityJobs.class.getName());

    public static final String JOB = "activity-run";

    @EJB
    ActivityRunSteps steps;

    @Resource
    ManagedExecutorService executor;

    @Inject
    BatonConfig config;

    /** After the run committed, on another thread (this one is inside the transaction's completion). */
    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActivityRunCreated created) {
        executor.execute(() -> start(created.runId()));
    }

    /**
     * After a cancel committed, on another thread: stops the run's job if it runs on this node (a job on
     * another node ends by itself: its steps see the run cancelled).
     */
    void onCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActivityRunCancelled cancelled) {
        if (cancelled.executionId() != null && config.nodeName().equals(cancelled.node())) {
            executor.execute(() -> stop(cancelled.executionId()));
        }
    }

    /** {@code JobOperator.stop}: the steps' batchlets stop waiting; a job that already ended is left alone. */
    public void stop(long executionId) {
        try {
            withDeploymentLoader(() -> {
                operator().stop(executionId);
                return executionId;
            });
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException e) {
            LOG.fine(() -> "activity job execution " + executionId + " not stopped: " + e);
        }
    }

    public long start(String runId) {
        long execution = withDeploymentLoader(() -> operator().start(JOB, parameters(runId)));
        steps.recordExecution(runId, execution);
        return execution;
    }

    public long restart(String runId, long executionId) {
        long execution = withDeploymentLoader(() -> operator().restart(executionId, parameters(runId)));
        steps.recordExecution(runId, execution);
        return execution;
    }

    private static Properties parameters(String runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", runId);
        return parameters;
    }

    /**
     * Runs {@code call} with this deployment's class loader as the thread's context class loader:
     * {@link BatchRuntime#getJobOperator()} finds the job operator (and the job XML) through it, and a
     * managed executor thread started from a thread without one (e.g. when a workflow's activity action
     * follows a finished task) has none, so the job never started and the run stayed PENDING.
     */
    static long withDeploymentLoader(java.util.function.LongSupplier call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ActivityJobs.class.getClassLoader());
        try {
            return call.getAsLong();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}

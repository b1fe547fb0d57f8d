package dev.baton.activities.batch;

import dev.baton.activities.entity.ActivityRun;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.batch.CrashedExecutions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shortly after start-up (after {@code TaskRecovery} ended the interrupted attempts), resumes the
 * activity runs this node left PENDING or RUNNING, as {@code SplitRecovery} does for splits.
 *
 * <p>Only its own: a run records the node that runs its job ({@code node}), so two nodes sharing the
 * database never restart the same job; a run without a node (stored before runs recorded one) is claimed
 * under its lock by the first node that recovers; a run created since this deployment started is live and
 * left alone (its job is starting now).
 *
 * <p>A run whose job never started gets one; a job a crash interrupted is marked failed ({@link
 * CrashedExecutions}) and restarted with {@code JobOperator.restart}, which skips completed steps and
 * partitions, while the steps skip Complete plugins and wait for (or retry, if interrupted) the tasks of
 * InProgress ones; a job that ended before its run was ended has its run ended.
 */
@Singleton
@Startup
@DependsOn("TaskRecovery")
public class ActivityRecovery {

    private static final Logger LOG = Logger.getLogger(ActivityRecovery.class.getName());
    static final long DELAY_MILLIS = 1000;

    @Resource
    TimerService timers;

    @Inject
    ActivityJobs jobs;

    @EJB
    ActivityRunSteps steps;

    @EJB
    CrashedExecutions crashed;

    @Inject
    BatonConfig config;

    private volatile int resumed = -1;

    /** When this deployment started: runs created since are live, not left over by the last stop. */
    private long startedAt;

    @PostConstruct
    void schedule() {
        startedAt = System.currentTimeMillis();
        timers.createSingleActionTimer(DELAY_MILLIS, new TimerConfig("baton-activity-recovery", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void resume() {
        int count = 0;
        for (String runId : steps.unfinishedRuns()) {
            try {
                if (steps.claim(runId, startedAt)) {
                    resume(runId);
                    count++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not resume activity run " + runId, e);
            }
        }
        resumed = count;
        int n = count;
        LOG.info(() -> "Activity recovery on node " + config.nodeName() + ": resumed " + n
                + " unfinished activity run(s) of this node");
    }

    /** How many runs the last recovery resumed; -1 until it ran. */
    public int resumed() {
        return resumed;
    }

    private void resume(String runId) {
        ActivityRun run = steps.find(runId);
        if (run == null || run.getStatus().isTerminal()) {
            return;
        }
        Long execution = run.getBatchExecutionId();
        if (execution == null) {
            jobs.start(runId);
            return;
        }
        BatchStatus status;
        try {
            status = ActivityJobs.operator().getJobExecution(execution).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            jobs.start(runId);
            return;
        }
        switch (status) {
            case STARTING, STARTED, STOPPING -> {
                crashed.markFailed(execution);
                jobs.restart(runId, execution);
            }
            case FAILED, STOPPED -> jobs.restart(runId, execution);
            case COMPLETED, ABANDONED -> steps.end(runId, "the batch job ended " + status + " without ending the run");
        }
    }
}

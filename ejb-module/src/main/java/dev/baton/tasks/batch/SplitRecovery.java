package dev.baton.tasks.batch;

import dev.baton.tasks.boundary.MergeExecution;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskStatus;
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
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shortly after start-up, resumes every split this node left unfinished: a WAITING or COMPLETE task
 * whose split-merge job never started gets one; a job a crash interrupted is marked failed and
 * restarted with {@code JobOperator.restart} (finished partitions are not re-run, existing children
 * are not re-created); a job that completed before its merge was recorded has its merge run.
 */
@Singleton
@Startup
@DependsOn("TaskRecovery")
public class SplitRecovery {

    private static final Logger LOG = Logger.getLogger(SplitRecovery.class.getName());
    static final long DELAY_MILLIS = 1000;

    @Resource
    TimerService timers;

    @Inject
    SplitJobs jobs;

    @EJB
    CrashedExecutions crashed;

    @EJB
    MergeExecution merge;

    @Inject
    TaskStore store;

    private volatile int resumed = -1;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(DELAY_MILLIS, new TimerConfig("baton-split-recovery", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void resume() {
        int count = 0;
        for (String parentId : unfinishedSplits()) {
            try {
                resume(parentId);
                count++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not resume the split of task " + parentId, e);
            }
        }
        resumed = count;
        if (count > 0) {
            int n = count;
            LOG.info(() -> "Resumed " + n + " unfinished split(s)");
        }
    }

    /** How many splits the last recovery resumed; -1 until it ran. */
    public int resumed() {
        return resumed;
    }

    private List<String> unfinishedSplits() {
        List<String> ids = new ArrayList<>(store.idsWithStatus(TaskStatus.WAITING, Integer.MAX_VALUE));
        ids.addAll(store.idsWithStatus(TaskStatus.COMPLETE, Integer.MAX_VALUE));
        return ids;
    }

    private void resume(String parentId) {
        Task parent = store.find(parentId).orElse(null);
        if (parent == null) {
            return;
        }
        Long execution = parent.getBatchExecutionId();
        if (execution == null) {
            jobs.start(parentId);
            return;
        }
        BatchStatus status;
        try {
            status = SplitJobs.operator().getJobExecution(execution).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            jobs.start(parentId);
            return;
        }
        switch (status) {
            case STARTING, STARTED, STOPPING -> {
                crashed.markFailed(execution);
                jobs.restart(parentId, execution);
            }
            case FAILED, STOPPED -> jobs.restart(parentId, execution);
            case COMPLETED, ABANDONED -> {
                if (parent.getStatus() == TaskStatus.COMPLETE) {
                    merge.merge(parentId);
                } else {
                    jobs.start(parentId);
                }
            }
        }
    }
}

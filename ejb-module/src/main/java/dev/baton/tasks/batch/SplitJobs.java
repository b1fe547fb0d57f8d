package dev.baton.tasks.batch;

import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskSplit;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Properties;

/** Starts the split-merge job of a task once its split committed. */
@ApplicationScoped
public class SplitJobs {

    public static final String JOB = "split-merge";

    @EJB
    TaskLifecycle lifecycle;

    @Resource
    ManagedExecutorService executor;

    void onSplit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskSplit split) {
        // Not on this thread: it is still inside the committed transaction's completion, where recording
        // the job execution cannot start a transaction of its own.
        executor.execute(() -> start(split.taskId()));
    }

    public long start(String parentId) {
        Properties parameters = new Properties();
        parameters.setProperty("parentId", parentId);
        long execution = operator().start(JOB, parameters);
        lifecycle.recordSplitExecution(parentId, execution);
        return execution;
    }

    public long restart(String parentId, long executionId) {
        Properties parameters = new Properties();
        parameters.setProperty("parentId", parentId);
        long execution = operator().restart(executionId, parameters);
        lifecycle.recordSplitExecution(parentId, execution);
        return execution;
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}

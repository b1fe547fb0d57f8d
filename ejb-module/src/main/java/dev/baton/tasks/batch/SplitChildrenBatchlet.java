package dev.baton.tasks.batch;

import dev.baton.tasks.control.TaskLifecycle;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One partition: creates and dispatches children [from, to) (skipping any that exist, so a restarted
 * partition never duplicates a child), then waits until all of them are terminal or the parent stops
 * waiting (cancelled). Its exit status is COMPLETED, or STOPPED when the job was stopped.
 */
@Named("splitChildrenBatchlet")
@Dependent
public class SplitChildrenBatchlet extends AbstractBatchlet {

    static final int CREATE_CHUNK = 200;
    static final long MAX_POLL_MILLIS = 500;

    @Inject
    @BatchProperty
    String parentId;

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String to;

    @EJB
    TaskLifecycle lifecycle;

    @EJB
    SplitQueries queries;

    @Inject
    StepContext step;

    private volatile boolean stopped;

    @Override
    public String process() throws Exception {
        int start = Integer.parseInt(from);
        int end = Integer.parseInt(to);
        for (int i = start; i < end && !stopped; i += CREATE_CHUNK) {
            lifecycle.createChildren(parentId, i, Math.min(end, i + CREATE_CHUNK));
        }
        long poll = 10;
        while (!stopped) {
            if (!queries.isWaiting(parentId)) {
                break;
            }
            long unfinished = queries.unfinishedChildren(parentId, start, end);
            if (unfinished == 0) {
                break;
            }
            Thread.sleep(poll);
            poll = Math.min(MAX_POLL_MILLIS, poll * 2);
        }
        step.setTransientUserData(new SplitPartitionResult(start, end));
        return stopped ? "STOPPED" : "COMPLETED";
    }

    @Override
    public void stop() {
        stopped = true;
    }
}

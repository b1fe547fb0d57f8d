package dev.baton.tasks.boundary;

import dev.baton.infrastructure.collections.Chunks;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.control.FirstDispatches;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, ends the attempts this node was running when it stopped (a crash or kill): each counts
 * as a failed try and the task is re-queued with backoff, or goes to ERROR when out of tries. Their
 * old dispatch messages are stale by then and are dropped. It also dispatches again the tasks this
 * node accepted but may not have dispatched: a REST submission commits the task first and sends its
 * first dispatch right after (see {@link FirstDispatches}), and a kill in between leaves the task
 * QUEUED with no message. While the node runs, first dispatches whose send failed are sent again every
 * few seconds.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class TaskRecovery {

    private static final Logger LOG = Logger.getLogger(TaskRecovery.class.getName());
    static final int CHUNK = 100;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    TaskStore store;

    @Inject
    FirstDispatches firstDispatches;

    @Inject
    BatonConfig config;

    private int recovered;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        String node = config.nodeName();
        List<String> running = store.idsWithStatusOnNode(TaskStatus.RUNNING, node);
        for (String id : running) {
            lifecycle.interrupt(id, "interrupted: node " + node + " stopped while the attempt ran");
        }
        recovered = running.size();
        if (recovered > 0) {
            LOG.info(() -> "Re-queued " + recovered + " task(s) interrupted by the last stop of node " + node);
        }
        int redispatched = redispatchAwaitingFirstDispatch();
        if (redispatched > 0) {
            LOG.info(() -> "Dispatched again " + redispatched + " queued task(s) whose first dispatch node " + node
                    + " may not have sent before it stopped");
        }
    }

    /**
     * Dispatches again every QUEUED task still on the first dispatch this node owes it (the start-up
     * step; harmless at any time, since a first dispatch that was sent becomes stale); returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int redispatchAwaitingFirstDispatch() {
        return redispatchFirst(store.awaitingFirstDispatchFrom(config.nodeName()));
    }

    /** Sends again the first dispatches whose send failed while this node ran. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resendFailedFirstDispatches() {
        List<String> unsent = firstDispatches.unsent();
        if (unsent.isEmpty()) {
            return;
        }
        try {
            int sent = redispatchFirst(unsent);
            firstDispatches.resent(unsent);
            LOG.info(() -> "Dispatched " + sent + " task(s) whose first dispatch had failed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, unsent.size() + " first dispatch(es) still cannot be sent; trying again", e);
        }
    }

    /** Dispatches again each task still QUEUED on its first dispatch, {@link #CHUNK} per transaction. */
    private int redispatchFirst(List<String> ids) {
        int sent = 0;
        for (List<String> chunk : Chunks.of(ids, CHUNK)) {
            sent += lifecycle.redispatchFirst(chunk);
        }
        return sent;
    }

    /** How many interrupted attempts the last start-up ended. */
    public int recovered() {
        return recovered;
    }
}

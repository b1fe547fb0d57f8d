package dev.baton.tasks.boundary;

import dev.baton.cluster.control.NodeState;
import dev.baton.handlers.control.HandlerInvoker;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.jms.VisibilityWait;
import dev.baton.tasks.control.Claim;
import dev.baton.tasks.control.DispatchBounce;
import dev.baton.tasks.control.DispatchGroup;
import dev.baton.tasks.control.DispatchGroup.Dispatch;
import dev.baton.tasks.control.DispatchNotVisibleYet;
import dev.baton.tasks.control.TaskLifecycle;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one dispatch of a task: claim it (one transaction), run the handler (no transaction, bounded by
 * the task's timeout), record the outcome (one transaction). An inline handler's attempt is claimed, run
 * and recorded in the claim's transaction. A stale or duplicate dispatch claims
 * nothing. If this node dies in between, start-up recovery ends the attempt as interrupted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskExecution {

    private static final Logger LOG = Logger.getLogger(TaskExecution.class.getName());
    private static final int FINISH_ATTEMPTS = 5;
    static final long VISIBILITY_WAIT_MILLIS = 10_000;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    HandlerInvoker invoker;

    @Inject
    BatonConfig config;

    @Inject
    NodeState node;

    @Inject
    DispatchBounce bounce;

    /** Runs the dispatch, or hands it back to the queue while this node drains. */
    public void execute(String taskId, int seq, int jmsPriority) {
        if (!node.takesWork()) {
            bounce.later(taskId, seq, jmsPriority);
            return;
        }
        execute(taskId, seq);
    }

    /**
     * Runs a {@link DispatchGroup}'s inline attempts in one transaction, or hands the group back while
     * this node drains. Dispatches whose task is not readable yet are tried again briefly, like a single
     * dispatch's claim. If the group's transaction fails (a lock timeout, a conflict), each dispatch is
     * run on its own instead, so one troubled task cannot hold back or dead-letter the others.
     */
    public void executeGroup(String body, int jmsPriority) {
        DispatchGroup group = DispatchGroup.parse(body);
        if (!node.takesWork()) {
            bounce.later(group, jmsPriority);
            return;
        }
        VisibilityWait visibility = new VisibilityWait(VISIBILITY_WAIT_MILLIS, 1);
        DispatchGroup pending = group;
        while (true) {
            List<Dispatch> notVisible;
            try {
                notVisible = lifecycle.runInlineGroup(pending, config.nodeName());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a dispatch group of " + pending.size() + " failed; running them one by one", e);
                executeEach(pending);
                return;
            }
            if (notVisible.isEmpty()) {
                return;
            }
            if (visibility.expired()) {
                LOG.warning(() -> notVisible.size() + " tasks of a dispatch group not visible after "
                        + VISIBILITY_WAIT_MILLIS + " ms; dropping their dispatches: " + notVisible);
                return;
            }
            if (!visibility.pause()) {
                return;
            }
            pending = new DispatchGroup(notVisible);
        }
    }

    /**
     * Runs each dispatch on its own; one that fails does not stop the others. The first failure is
     * thrown at the end, so the message is redelivered (the dispatches that ran are stale by then) and
     * dead-lettered in the end, like a single dispatch that keeps failing.
     */
    private void executeEach(DispatchGroup group) {
        RuntimeException first = null;
        for (Dispatch d : group.dispatches()) {
            try {
                execute(d.taskId(), d.seq());
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public void execute(String taskId, int seq) {
        Claim claim = claim(taskId, seq);
        if (claim == null) {
            return;
        }
        HandlerOutcome outcome = invoker.invoke(claim.handler(), claim.context(Phase.RUN, null));
        finish(claim, outcome);
    }

    /**
     * Claims the task, waiting briefly (up to {@link #VISIBILITY_WAIT_MILLIS}) when the message
     * overtook its own transaction's database commit. A task that never becomes visible was deleted:
     * the message is dropped.
     */
    private Claim claim(String taskId, int seq) {
        VisibilityWait visibility = new VisibilityWait(VISIBILITY_WAIT_MILLIS, 1);
        while (true) {
            try {
                return lifecycle.claimOrRunInline(taskId, seq, config.nodeName());
            } catch (DispatchNotVisibleYet e) {
                if (visibility.expired()) {
                    LOG.warning(
                            () -> e.getMessage() + " after " + VISIBILITY_WAIT_MILLIS + " ms; dropping the message");
                    return null;
                }
                if (!visibility.pause()) {
                    return null;
                }
            }
        }
    }

    /** Records the outcome, retrying briefly if the database is momentarily unavailable or locked. */
    private void finish(Claim claim, HandlerOutcome outcome) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= FINISH_ATTEMPTS; attempt++) {
            try {
                lifecycle.finish(claim, outcome);
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.log(
                        Level.WARNING,
                        "recording the outcome of task " + claim.taskId() + " failed (try " + attempt + ")",
                        e);
                try {
                    Thread.sleep(100L * attempt * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }
}

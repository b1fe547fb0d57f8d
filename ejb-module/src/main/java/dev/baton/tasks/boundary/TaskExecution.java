package dev.baton.tasks.boundary;

import dev.baton.handlers.control.HandlerInvoker;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.control.Claim;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one dispatch of a task: claim it (one transaction), run the handler (no transaction, bounded by
 * the task's timeout), record the outcome (one transaction). A stale or duplicate dispatch claims
 * nothing. If this node dies in between, start-up recovery ends the attempt as interrupted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskExecution {

    private static final Logger LOG = Logger.getLogger(TaskExecution.class.getName());
    private static final int FINISH_ATTEMPTS = 5;
    /** How long a dispatch waits for its task's row to become visible: 10 ms doubling to 500 ms, ~5 s in all. */
    private static final long VISIBILITY_MAX_MILLIS = 5_000;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    HandlerInvoker invoker;

    @Inject
    BatonConfig config;

    @Inject
    TaskStore store;

    public void execute(String taskId, int seq) {
        Claim claim = claim(taskId, seq);
        if (claim == null) {
            return;
        }
        HandlerOutcome outcome = invoker.invoke(claim.handler(), claim.context(Phase.RUN, null));
        finish(claim, outcome);
    }

    /**
     * Claims the task, or returns null for a stale dispatch. The dispatch message commits in the same XA
     * transaction as the task's row, but the broker and the database commit one after the other, so the
     * message can arrive before a new task's row is visible here. Such a task is looked up again until it
     * shows (for a few seconds) before the message counts as stale: otherwise the task would stay QUEUED
     * with no dispatch message at all.
     */
    private Claim claim(String taskId, int seq) {
        Claim claim = lifecycle.claim(taskId, seq, config.nodeName());
        if (claim != null || !awaitVisible(taskId)) {
            return claim;
        }
        return lifecycle.claim(taskId, seq, config.nodeName());
    }

    /** True once the task's row is visible; false if it does not show within the limit (it was deleted). */
    private boolean awaitVisible(String taskId) {
        long waited = 0;
        for (long pause = 10; !store.find(taskId).isPresent(); pause = Math.min(500, pause * 2)) {
            if (waited >= VISIBILITY_MAX_MILLIS) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            waited += pause;
        }
        return true;
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

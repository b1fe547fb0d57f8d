package dev.baton.tasks.boundary;

import dev.baton.tasks.control.FinishWaits;
import dev.baton.tasks.control.FinishWaits.Completion;
import dev.baton.tasks.control.FinishWaits.Outcome;
import dev.baton.tasks.control.TaskFinished;
import dev.baton.tasks.control.TaskJson;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskAttempt;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets callers wait for a task to finish ({@code ?wait=}) without holding a thread: completes on the
 * local "finished" event right after the commit (with the task's JSON, taken in the finishing
 * transaction, when someone was waiting already), and polls the database once a second for tasks that
 * finish on another node. One periodic sweep serves every wait (timeouts and that poll, one query for
 * all waited tasks), so a thousand waiting clients cost one timer and one query a second, not a thousand
 * of each.
 */
@ApplicationScoped
public class TaskWaiter {

    /** Finished task ids remembered, so a wait registered just after its task finished here ends at once. */
    static final int RECENT = 10_000;
    /** How often the sweep ends timed-out waits: a wait lasts at most this much longer than asked. */
    static final long SWEEP_MILLIS = 100;
    /** Every how many sweeps the database is asked for waited tasks that finished on another node (1 s). */
    static final int POLL_SWEEPS = 10;

    private static final Logger LOG = Logger.getLogger(TaskWaiter.class.getName());

    private final FinishWaits waits = new FinishWaits(RECENT);
    private ScheduledFuture<?> sweeper; // guarded by this
    private int sweeps; // only the sweep touches it, and sweeps never overlap (fixed delay)

    @EJB
    TaskService tasks;

    @Inject
    TaskStore store;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    /** Completes with true when the task is terminal (checked at once, in the database), false on timeout. */
    public CompletableFuture<Boolean> whenFinished(String taskId, Duration max) {
        CompletableFuture<Outcome> wait = awaitFinish(taskId, max);
        if (isTerminal(taskId)) { // it may have finished, on any node, before we registered
            wait.complete(Outcome.FINISHED);
        }
        return wait.thenApply(Outcome::finished);
    }

    /**
     * Waits up to {@code max} for a task the caller has just seen unfinished (it submitted or read it):
     * no database read now, since a finish on this node since then is remembered and one on another
     * node is found by the poll. The outcome carries the finished task when this node finished it.
     * Such an outcome may complete the future on the finishing thread, after its commit, where no
     * transaction can be started: what depends on it must use the task it carries, and read the task
     * only when the outcome carries none (or run asynchronously).
     */
    public CompletableFuture<Outcome> awaitFinish(String taskId, Duration max) {
        CompletableFuture<Outcome> done = waits.register(taskId, deadline(System.currentTimeMillis(), max));
        if (!done.isDone()) {
            startSweeping();
        }
        return done;
    }

    /** {@code now + max}, saturating (a wait of a year, or longer, never wraps around). */
    static long deadline(long now, Duration max) {
        long millis = max.toMillis();
        return millis >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + millis;
    }

    /** Whether the periodic sweep is scheduled: from the first wait until a sweep finds none left. */
    public synchronized boolean sweeping() {
        return sweeper != null;
    }

    /** Called after the wait is registered, so a sweep that finds no waits cannot stop it unseen. */
    private synchronized void startSweeping() {
        if (sweeper == null) {
            sweeper = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the sweep once nobody waits; the next wait starts it again. An idle server then runs no
     * periodic task, and a graceful shutdown does not find one running (the suspended container refuses
     * it and logs an error).
     */
    private synchronized boolean stopSweepingIfIdle() {
        if (!waits.isEmpty() || sweeper == null) {
            return false;
        }
        sweeper.cancel(false);
        sweeper = null;
        return true;
    }

    /**
     * One sweep for all waits (instead of a timer and a poll per wait): ends the waits past their
     * deadline and, every {@link #POLL_SWEEPS}th sweep, those whose task the database shows finished (on
     * another node) or deleted, in one query (see {@link FinishWaits#polled}). Completions run on the
     * executor, so a waiter's follow-up read never holds up the sweep.
     */
    void sweep() {
        if (stopSweepingIfIdle()) {
            return;
        }
        try {
            Completion expired = waits.expired(System.currentTimeMillis());
            if (expired != null) {
                executor.execute(expired);
            }
            if (++sweeps % POLL_SWEEPS == 0) {
                Set<String> ids = waits.waitedIds();
                if (!ids.isEmpty()) {
                    Completion finished = waits.polled(tasks.terminalAmong(ids));
                    if (finished != null) {
                        executor.execute(finished);
                    }
                }
            }
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: log and sweep again next time
            LOG.log(Level.WARNING, "the ?wait sweep failed; it runs again in " + SWEEP_MILLIS + " ms", e);
        }
    }

    @PreDestroy
    synchronized void stopSweeping() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    /** In the finishing transaction: the task as its waiters will get it, when there are any. */
    void snapshot(@Observes TaskFinished event) {
        if (waits.isWaitedFor(event.taskId())) {
            List<TaskAttempt> attempts = event.attempts() != null ? event.attempts() : store.attempts(event.taskId());
            store.find(event.taskId()).ifPresent(task -> waits.snapshot(task.getId(), TaskJson.of(task, attempts)));
        }
    }

    /**
     * Completes the task's waits after its commit. Waits that get the task itself are completed on this
     * thread (no hand-over to another thread on the {@code ?wait} round trip): answering them needs no
     * read. Others are completed on the executor: this thread is still inside the committed
     * transaction's completion, where a waiter's follow-up read could not start a transaction of its own.
     */
    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskFinished event) {
        Completion complete = waits.finished(event.taskId());
        if (complete == null) {
            return;
        }
        if (complete.carriesTask()) {
            complete.run();
        } else {
            executor.execute(complete);
        }
    }

    void onRollback(@Observes(during = TransactionPhase.AFTER_FAILURE) TaskFinished event) {
        waits.discard(event.taskId());
    }

    private boolean isTerminal(String taskId) {
        return tasks.terminalAmong(List.of(taskId)).getOrDefault(taskId, true); // gone counts as finished
    }
}

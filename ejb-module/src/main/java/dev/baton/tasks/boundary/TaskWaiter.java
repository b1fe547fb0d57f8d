package dev.baton.tasks.boundary;

import dev.baton.tasks.control.FinishWaits;
import dev.baton.tasks.control.FinishWaits.Outcome;
import dev.baton.tasks.control.TaskFinished;
import dev.baton.tasks.control.TaskJson;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskAttempt;
import dev.baton.tasks.entity.TaskStatus;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lets callers wait for a task to finish ({@code ?wait=}) without holding a thread: completes on the
 * local "finished" event right after the commit (with the task's JSON, taken in the finishing
 * transaction, when someone was waiting already), and polls the database once a second for tasks that
 * finish on another node.
 */
@ApplicationScoped
public class TaskWaiter {

    /** Finished task ids remembered, so a wait registered just after its task finished here ends at once. */
    static final int RECENT = 10_000;

    private final FinishWaits waits = new FinishWaits(RECENT);

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
     */
    public CompletableFuture<Outcome> awaitFinish(String taskId, Duration max) {
        CompletableFuture<Outcome> done = waits.register(taskId);
        if (done.isDone()) {
            return done;
        }
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(
                () -> {
                    if (isTerminal(taskId)) {
                        done.complete(Outcome.FINISHED);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        ScheduledFuture<?> timeout =
                scheduler.schedule(() -> done.complete(Outcome.TIMED_OUT), max.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((outcome, error) -> {
            poll.cancel(false);
            timeout.cancel(false);
        });
        return done;
    }

    /** In the finishing transaction: the task as its waiters will get it, when there are any. */
    void snapshot(@Observes TaskFinished event) {
        if (waits.isWaitedFor(event.taskId())) {
            List<TaskAttempt> attempts = event.attempts() != null ? event.attempts() : store.attempts(event.taskId());
            store.find(event.taskId()).ifPresent(task -> waits.snapshot(task.getId(), TaskJson.of(task, attempts)));
        }
    }

    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskFinished event) {
        Runnable complete = waits.finished(event.taskId());
        if (complete != null) {
            // Not on this thread: it is still inside the committed transaction's completion, where the
            // waiters' follow-up reads cannot start a transaction of their own.
            executor.execute(complete);
        }
    }

    void onRollback(@Observes(during = TransactionPhase.AFTER_FAILURE) TaskFinished event) {
        waits.discard(event.taskId());
    }

    private boolean isTerminal(String taskId) {
        return tasks.status(taskId).map(TaskStatus::isTerminal).orElse(true);
    }
}

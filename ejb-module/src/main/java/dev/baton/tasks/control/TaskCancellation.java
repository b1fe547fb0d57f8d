package dev.baton.tasks.control;

import dev.baton.handlers.control.RunningTasks;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The one way a task is cancelled, whoever cancels it (the task API, a workflow run, an activity run):
 * the task becomes CANCELLED ({@link TaskLifecycle#cancel}); once that committed, its attempt running on
 * this node is stopped (a script's process tree killed) and, for a split parent, its unfinished children
 * are cancelled in a transaction of their own ({@link TaskLifecycle#cancelChildren}: locks child before
 * parent) and their running attempts stopped too ({@link #afterCancel}).
 *
 * <p>{@link #cancelNow} is for callers without a transaction and does it all before returning; {@link
 * #cancelWithin} joins the caller's transaction and leaves the rest to after its commit.
 */
@ApplicationScoped
public class TaskCancellation {

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskStore store;

    @Inject
    RunningTasks running;

    @Inject
    Event<Cancelled> cancelled;

    @Resource
    ManagedExecutorService executor;

    /** CDI event: task {@code taskId} was cancelled in the current transaction; {@code status} is what it was. */
    public record Cancelled(String taskId, TaskStatus status) {}

    /**
     * Outside a transaction: cancels the task (404 unknown, 409 terminal; its own transaction), then
     * {@link #afterCancel}.
     */
    public void cancelNow(String taskId) {
        TaskStatus before = store.status(taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        lifecycle.cancel(taskId);
        afterCancel(taskId, before);
    }

    /**
     * In the caller's transaction: cancels the task if it is unfinished (a finished or unknown one is left
     * alone: refusing would doom the caller's transaction) and returns whether it did; {@link #afterCancel}
     * follows the commit.
     */
    public boolean cancelWithin(String taskId) {
        if (taskId == null) {
            return false;
        }
        TaskStatus status = store.status(taskId).orElse(null);
        if (status == null || !status.canMoveTo(TaskStatus.CANCELLED)) {
            return false;
        }
        lifecycle.cancel(taskId);
        cancelled.fire(new Cancelled(taskId, status));
        return true;
    }

    /**
     * After the commit: stops the attempt at once (on this thread), and cancels the children on another
     * (this one is still inside the transaction's completion, where no transaction can start).
     */
    void onCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) Cancelled cancel) {
        if (cancel.status() == TaskStatus.RUNNING) {
            running.stop(cancel.taskId());
        }
        executor.execute(() -> afterCancel(cancel.taskId(), null));
    }

    /**
     * What follows a committed cancel: the attempt running on this node stops when the task was RUNNING
     * ({@code before}; null when already done), and a split parent's unfinished children are cancelled
     * and their attempts stopped.
     */
    void afterCancel(String taskId, TaskStatus before) {
        if (before == TaskStatus.RUNNING) {
            running.stop(taskId);
        }
        lifecycle.cancelChildren(taskId).forEach(running::stop);
    }
}

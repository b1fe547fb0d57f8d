package dev.baton.workflows.control;

import dev.baton.handlers.control.RunningTasks;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskStatus;
import dev.baton.workflows.entity.ActionStatus;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Stops what a run's actions have outstanding: cancels their tasks (a running script is killed) and
 * their subworkflow runs, and marks every unfinished action CANCELLED. Timers need no cancelling: a
 * timer for an action that no longer waits is ignored when it fires.
 */
@ApplicationScoped
public class ActiveWork {

    @Inject
    TaskLifecycle tasks;

    @Inject
    TaskStore taskStore;

    @Inject
    RunStore runs;

    @Inject
    Event<StopAttempt> stopped;

    @Inject
    RunningTasks running;

    @Inject
    Instance<RunEngine> engine; // RunEngine uses this class too

    public void cancelAll(RunState state, String reason) {
        for (RunAction action : state.actions().values()) {
            if (action.getStatus().isFinal()) {
                continue;
            }
            if (action.getStatus() == ActionStatus.RUNNING) {
                cancelTask(action.getTaskId());
                cancelChild(action.getChildRunId());
            }
            action.moveTo(ActionStatus.CANCELLED);
            action.setError(reason);
            if (action.getStartTime() != null) {
                action.finish(System.currentTimeMillis(), state.run().nextStep());
            }
        }
    }

    /** After the cancel commits, the attempt still running on this node is stopped (its script killed). */
    void stopAttempt(@Observes(during = TransactionPhase.AFTER_SUCCESS) StopAttempt attempt) {
        running.stop(attempt.taskId());
    }

    /** CDI event: a cancelled task's running attempt should be stopped once the cancel commits. */
    public record StopAttempt(String taskId) {}

    private void cancelTask(String taskId) {
        if (taskId == null) {
            return;
        }
        // Only unfinished tasks: cancelling a finished one is a client error that would doom this transaction.
        TaskStatus status = taskStore.status(taskId).orElse(null);
        if (status != null && status.canMoveTo(TaskStatus.CANCELLED)) {
            tasks.cancel(taskId);
            if (status == TaskStatus.RUNNING) {
                stopped.fire(new StopAttempt(taskId));
            }
        }
    }

    private void cancelChild(String childRunId) {
        if (childRunId == null) {
            return;
        }
        Run child = runs.lock(childRunId).orElse(null);
        if (child != null && !child.getStatus().isFinal()) {
            RunState childState = engine.get().load(child);
            engine.get().end(childState, dev.baton.workflows.entity.RunStatus.CANCELLED);
        }
    }
}

package dev.baton.workflows.control;

import dev.baton.activities.control.ActivityCancellation;
import dev.baton.tasks.control.TaskCancellation;
import dev.baton.workflows.entity.ActionStatus;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Stops what a run's actions have outstanding: cancels their tasks the way the task API does ({@link
 * TaskCancellation}: a running script is killed, a split's unfinished children are cancelled), their
 * subworkflow runs and their activity runs, and marks every unfinished action CANCELLED. Timers need no
 * cancelling: a timer for an action that no longer waits is ignored when it fires.
 */
@ApplicationScoped
public class ActiveWork {

    @Inject
    TaskCancellation tasks;

    @Inject
    ActivityCancellation activities;

    @Inject
    RunStore runs;

    @Inject
    Instance<RunEngine> engine; // RunEngine uses this class too

    public void cancelAll(RunState state, String reason) {
        for (RunAction action : state.actions().values()) {
            if (action.getStatus().isFinal()) {
                continue;
            }
            if (action.getStatus() == ActionStatus.RUNNING) {
                tasks.cancelWithin(action.getTaskId());
                cancelChild(action.getChildRunId());
                if (action.getActivityRunId() != null) {
                    activities.cancelIfUnfinished(
                            action.getActivityRunId(),
                            "workflow run " + state.run().getId() + ": " + reason);
                }
            }
            action.moveTo(ActionStatus.CANCELLED);
            action.setError(reason);
            if (action.getStartTime() != null) {
                action.finish(System.currentTimeMillis(), state.run().nextStep());
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
            engine.get().end(childState, RunStatus.CANCELLED);
        }
    }
}

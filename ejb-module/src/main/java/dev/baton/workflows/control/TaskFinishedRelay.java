package dev.baton.workflows.control;

import dev.baton.activities.control.ActivityRunEnded;
import dev.baton.tasks.control.TaskFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When the task (or activity run) of a workflow action reaches a terminal status, signals the run, inside
 * the task's (the activity run's) transaction: the signal exists exactly when the task's end commits. The run is advanced by the signal's
 * consumer under the run's lock (never under the task's: locks are always taken run before task).
 */
@ApplicationScoped
public class TaskFinishedRelay {

    @Inject
    RunMessages messages;

    void onActivityEnded(@Observes ActivityRunEnded event) {
        String[] origin = ActionStarter.parseOrigin(event.origin());
        if (origin != null) {
            messages.activityEnded(origin[0], origin[1], event.runId());
        }
    }

    void onFinished(@Observes TaskFinished event) {
        String[] origin = ActionStarter.parseOrigin(event.origin());
        if (origin != null) {
            messages.taskFinished(origin[0], origin[1], event.taskId());
        }
    }
}

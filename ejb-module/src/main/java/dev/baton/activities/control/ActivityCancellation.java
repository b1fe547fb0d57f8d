package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.activities.entity.IllegalActivityTransition;
import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.control.TaskCancellation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Cancels an activity run in the caller's transaction: every Pending or InProgress plugin becomes
 * Cancelled (an InProgress plugin's unfinished task is cancelled as the task API does it), the run
 * becomes CANCELLED, and a workflow action waiting for it is told ({@link ActivityRunEnded}). After the
 * commit its batch job is stopped ({@link ActivityRunCancelled}); a job that is not stopped (it runs on
 * another node) ends by itself, as its steps start no plugin of a cancelled run and its waiting steps see
 * their plugins Cancelled. Locks run, then plugins, then tasks.
 */
@ApplicationScoped
public class ActivityCancellation {

    @Inject
    ActivityRuns runs;

    @Inject
    TaskCancellation tasks;

    @Inject
    Event<ActivityRunEnded> ended;

    @Inject
    Event<ActivityRunCancelled> cancelled;

    @Inject
    Event<PluginChanged> changed;

    /** Cancels the run: 404 when unknown, 409 when it already ended. {@code reason} becomes its error. */
    public ActivityRun cancel(String runId, String reason) {
        ActivityRun run = runs.lock(runId).orElseThrow(() -> ProblemException.notFound("activity run", runId));
        if (run.getStatus().isTerminal()) {
            throw new IllegalActivityTransition(
                    "activity run " + runId,
                    run.getStatus(),
                    ActivityRunStatus.CANCELLED,
                    run.getStatus().allowedTargets());
        }
        cancel(run, reason);
        return run;
    }

    /** Cancels the run if it exists and has not ended (a workflow run being cancelled); else nothing. */
    public void cancelIfUnfinished(String runId, String reason) {
        runs.lock(runId).filter(r -> !r.getStatus().isTerminal()).ifPresent(r -> cancel(r, reason));
    }

    private void cancel(ActivityRun run, String reason) {
        long now = System.currentTimeMillis();
        for (String plugin : runs.allPluginNames(run.getId())) {
            ActivityPluginRun p = runs.lockPlugin(run.getId(), plugin).orElseThrow();
            if (p.getStatus().isTerminal()) {
                continue;
            }
            if (p.getStatus() == PluginRunStatus.IN_PROGRESS) {
                tasks.cancelWithin(p.getTaskId());
            }
            p.ended(PluginRunStatus.CANCELLED, reason, now);
            changed.fire(new PluginChanged(run.getId(), p.getPlugin()));
        }
        run.end(ActivityRunStatus.CANCELLED, reason, now);
        ended.fire(new ActivityRunEnded(run.getId(), ActivityRunStatus.CANCELLED, run.getOrigin()));
        cancelled.fire(new ActivityRunCancelled(run.getId(), run.getBatchExecutionId(), run.getNode()));
    }
}

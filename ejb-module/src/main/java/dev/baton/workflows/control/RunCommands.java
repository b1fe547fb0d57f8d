package dev.baton.workflows.control;

import dev.baton.activities.control.ActivityRunJson;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskStatus;
import dev.baton.workflows.entity.ActionStatus;
import dev.baton.workflows.entity.IllegalRunTransition;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * What happens to a run from outside the engine: signals (task finished, timer, subworkflow ended, run
 * timeout), external events, and operator commands (cancel, pause, resume, retry). Each runs in the
 * caller's transaction under the run's lock; signals that no longer match the state change nothing.
 */
@ApplicationScoped
public class RunCommands {

    @Inject
    RunStore runs;

    @Inject
    RunEngine engine;

    @Inject
    TaskStore tasks;

    @Inject
    ActivityRuns activityRuns;

    public void signal(Signal kind, String runId, String actionId, String ref, int seq) {
        Run run = runs.lock(runId).orElse(null);
        if (run == null || run.getStatus().isFinal()) {
            return;
        }
        RunState state = engine.load(run);
        switch (kind) {
            case TASK -> taskFinished(state, actionId, ref);
            case TIMER -> timerFired(state, actionId, seq);
            case CHILD -> childEnded(state, actionId, ref);
            case ACTIVITY -> activityEnded(state, actionId, ref);
            case TIMEOUT -> {
                if (run.getStatus() == RunStatus.FAILED) {
                    return; // a failed run waits for a retry or a cancel; its deadline no longer applies
                }
                run.setError("the run exceeded its timeout of "
                        + state.workflow().definition().timeoutSeconds() + " s");
                engine.end(state, RunStatus.TIMED_OUT);
                return;
            }
        }
        engine.advance(state);
    }

    private void taskFinished(RunState state, String actionId, String taskId) {
        RunAction action = state.actions().get(actionId);
        if (action == null || action.getStatus() != ActionStatus.RUNNING || !taskId.equals(action.getTaskId())) {
            return;
        }
        Task task = tasks.find(taskId).orElse(null);
        if (task == null) {
            engine.fail(state, action, "task " + taskId + " no longer exists");
        } else if (task.getStatus() == TaskStatus.SUCCEEDED) {
            engine.complete(state, action, JsonDocuments.parseStored(task.getResult()), RunEngine.DEFAULT_BRANCH);
        } else if (task.getStatus() == TaskStatus.ERROR || task.getStatus() == TaskStatus.CANCELLED) {
            engine.fail(
                    state,
                    action,
                    "task " + taskId + " ended " + task.getStatus()
                            + (task.getError() == null ? "" : ": " + task.getError()));
        }
    }

    private void timerFired(RunState state, String actionId, int seq) {
        RunAction action = state.actions().get(actionId);
        if (action == null || action.getStatus() != ActionStatus.WAITING || action.getTimerSeq() != seq) {
            return;
        }
        if (action.getEvent() != null) {
            JsonObjectBuilder output =
                    JsonDocuments.builders().createObjectBuilder().add("timedOut", true);
            engine.complete(state, action, output.build(), RunEngine.DEFAULT_BRANCH);
        } else {
            engine.complete(state, action, JsonValue.EMPTY_JSON_OBJECT, RunEngine.DEFAULT_BRANCH);
        }
    }

    private void activityEnded(RunState state, String actionId, String activityRunId) {
        RunAction action = state.actions().get(actionId);
        if (action == null
                || action.getStatus() != ActionStatus.RUNNING
                || !activityRunId.equals(action.getActivityRunId())) {
            return;
        }
        ActivityRun run = activityRuns.find(activityRunId).orElse(null);
        if (run != null && run.getStatus() == ActivityRunStatus.COMPLETED) {
            engine.complete(
                    state,
                    action,
                    ActivityRunJson.run(run, activityRuns.plugins(activityRunId)),
                    RunEngine.DEFAULT_BRANCH);
        } else {
            engine.fail(
                    state,
                    action,
                    "activity run " + activityRunId + " ended "
                            + (run == null
                                    ? "(gone)"
                                    : run.getStatus() + (run.getError() == null ? "" : ": " + run.getError())));
        }
    }

    private void childEnded(RunState state, String actionId, String childRunId) {
        RunAction action = state.actions().get(actionId);
        if (action == null
                || action.getStatus() != ActionStatus.RUNNING
                || !childRunId.equals(action.getChildRunId())) {
            return;
        }
        Run child = runs.find(childRunId).orElse(null);
        if (child != null && child.getStatus() == RunStatus.COMPLETED) {
            engine.complete(state, action, RunJson.outputs(child, runs.actions(childRunId)), RunEngine.DEFAULT_BRANCH);
        } else {
            engine.fail(
                    state,
                    action,
                    "subworkflow run " + childRunId + " ended "
                            + (child == null
                                    ? "(gone)"
                                    : child.getStatus() + (child.getError() == null ? "" : ": " + child.getError())));
        }
    }

    /**
     * Delivers an external event: every action of the run waiting for it completes with {@code body} as
     * its output and follows {@code next[event]}. 409 when no action waits for it.
     */
    public Run deliver(String runId, String event, JsonValue body) {
        Run run = lock(runId);
        if (run.getStatus().isFinal()) {
            throw ProblemException.conflict("run " + runId + " is " + run.getStatus() + ": it waits for no event");
        }
        RunState state = engine.load(run);
        List<RunAction> waiting = state.actions().values().stream()
                .filter(a -> a.getStatus() == ActionStatus.WAITING && event.equals(a.getEvent()))
                .toList();
        if (waiting.isEmpty()) {
            List<String> awaited = state.actions().values().stream()
                    .filter(a -> a.getStatus() == ActionStatus.WAITING && a.getEvent() != null)
                    .map(RunAction::getEvent)
                    .distinct()
                    .toList();
            throw ProblemException.conflict("no action of run " + runId + " waits for event '" + event + "'"
                    + (awaited.isEmpty() ? "" : " (it waits for " + awaited + ")"));
        }
        for (RunAction action : waiting) {
            WorkflowAction definition = state.workflow().action(action.getActionId());
            engine.complete(state, action, body, definition.next().containsKey(event) ? event : null);
        }
        engine.advance(state);
        return run;
    }

    public Run cancel(String runId) {
        Run run = lock(runId);
        if (run.getStatus().isFinal()) {
            throw new IllegalRunTransition(
                    "run " + runId,
                    run.getStatus(),
                    RunStatus.CANCELLED,
                    run.getStatus().allowedTargets());
        }
        engine.end(engine.load(run), RunStatus.CANCELLED);
        return run;
    }

    /** Stops starting actions; what is in flight finishes and is recorded. */
    public Run pause(String runId) {
        Run run = lock(runId);
        run.moveTo(RunStatus.PAUSED);
        return run;
    }

    public Run resume(String runId) {
        Run run = lock(runId);
        if (run.getStatus() != RunStatus.PAUSED) {
            throw ProblemException.conflict("run " + runId + " is " + run.getStatus() + ", not PAUSED");
        }
        run.moveTo(RunStatus.RUNNING);
        engine.advance(engine.load(run));
        return run;
    }

    /** Runs the failed actions again and continues from there. */
    public Run retry(String runId) {
        Run run = lock(runId);
        if (run.getStatus() != RunStatus.FAILED) {
            throw ProblemException.conflict(
                    "run " + runId + " is " + run.getStatus() + "; only FAILED runs are retried");
        }
        RunState state = engine.load(run);
        if (!state.any(ActionStatus.FAILED)) {
            throw ProblemException.conflict("run " + runId + " has no failed action to retry (" + run.getError() + ")");
        }
        run.moveTo(RunStatus.RUNNING);
        run.setError(null);
        run.setEndTime(null);
        state.actions().values().stream()
                .filter(a -> a.getStatus() == ActionStatus.FAILED)
                .forEach(a -> a.moveTo(ActionStatus.READY));
        engine.advance(state);
        return run;
    }

    private Run lock(String runId) {
        return runs.lock(runId).orElseThrow(() -> ProblemException.notFound("run", runId));
    }
}

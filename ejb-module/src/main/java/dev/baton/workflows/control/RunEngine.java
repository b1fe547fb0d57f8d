package dev.baton.workflows.control;

import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.workflows.entity.ActionStatus;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves runs forward. Runs in the caller's transaction with the run row locked: every state change,
 * task submission and signal of one step commits together.
 *
 * <p>Branches are decided by dead-path elimination: when an action finishes it resolves each successor,
 * "arrived" if the successor is on the branch it took. A successor whose predecessors have all decided
 * becomes READY if any branch arrived (so a join runs once, after every activated branch) and SKIPPED
 * otherwise, which resolves its own successors in turn. READY actions are started only while the run
 * is RUNNING or WAITING; a paused or failed run keeps recording what finishes.
 */
@ApplicationScoped
public class RunEngine {

    static final String DEFAULT_BRANCH = "default";

    @Inject
    RunStore store;

    @Inject
    WorkflowCatalog catalog;

    @Inject
    ActionStarter starter;

    @Inject
    RunMessages messages;

    @Inject
    ActiveWork activeWork;

    /** Creates the run and its actions, then starts the root action (and what follows it at once). */
    public Run start(
            CompiledWorkflow workflow, RunRequest request, String user, String parentRunId, String parentActionId) {
        long now = System.currentTimeMillis();
        JsonValue input = request.input() == null ? JsonValue.EMPTY_JSON_OBJECT : request.input();
        Run run = new Run(
                Ids.newId(), workflow.name(), workflow.version(), JsonDocuments.print(input), request.priority(), now);
        run.setSubmittedBy(user);
        run.setIdempotencyKey(request.idempotencyKey());
        run.setParent(parentRunId, parentActionId);
        List<RunAction> actions = new ArrayList<>();
        for (String id : workflow.graph().ids()) {
            actions.add(new RunAction(run.getId(), id));
        }
        store.persist(run, actions);
        store.flush(); // a repeated idempotency key fails here, before anything is sent
        RunState state = new RunState(run, workflow, store.actions(run.getId()));
        state.action(workflow.definition().rootAction()).moveTo(ActionStatus.READY);
        if (workflow.definition().timeoutSeconds() != null) {
            messages.runTimeout(run.getId(), workflow.definition().timeoutSeconds() * 1000L);
        }
        advance(state);
        return run;
    }

    /** Loads a locked run's state. */
    public RunState load(Run run) {
        return new RunState(
                run, catalog.compiled(run.getWorkflow(), run.getWorkflowVersion()), store.actions(run.getId()));
    }

    /** Starts READY actions while the run is active, then settles the run's status. */
    public void advance(RunState state) {
        Run run = state.run();
        while (run.getStatus().isActive()) {
            RunAction next = state.firstReady().orElse(null);
            if (next == null) {
                break;
            }
            starter.start(state, next);
        }
        settle(state);
    }

    /** The action finished with {@code output}; {@code branch} names the next key taken (null: none). */
    public void complete(RunState state, RunAction action, JsonValue output, String branch) {
        long now = System.currentTimeMillis();
        action.moveTo(ActionStatus.COMPLETED);
        action.setOutput(output == null ? null : JsonDocuments.print(output));
        action.setBranch(branch);
        action.finish(now, state.run().nextStep());
        Set<String> taken =
                branch == null ? Set.of() : Set.copyOf(state.workflow().graph().targets(action.getActionId(), branch));
        resolveSuccessors(state, action.getActionId(), taken, now);
    }

    /** The action failed: the run fails (retry restarts from the failed actions). */
    public void fail(RunState state, RunAction action, String error) {
        action.moveTo(ActionStatus.FAILED);
        action.setError(error);
        action.finish(System.currentTimeMillis(), state.run().nextStep());
        Run run = state.run();
        if (!run.getStatus().isFinal() && run.getStatus() != RunStatus.FAILED) {
            run.setError("action " + action.getActionId() + " ("
                    + state.workflow().action(action.getActionId()).name() + ") failed: " + error);
            end(state, RunStatus.FAILED);
        }
    }

    /**
     * Ends the run with {@code status}: every unfinished action is cancelled (FAILED keeps in-flight
     * work running so a retry can continue), and a parent run is told.
     */
    public void end(RunState state, RunStatus status) {
        Run run = state.run();
        if (status != RunStatus.FAILED) {
            activeWork.cancelAll(state, "run " + status.name().toLowerCase().replace('_', ' '));
        }
        run.moveTo(status);
        run.setEndTime(System.currentTimeMillis());
        if (run.getParentRunId() != null) {
            messages.childEnded(run.getParentRunId(), run.getParentActionId(), run.getId());
        }
    }

    private void resolveSuccessors(RunState state, String actionId, Set<String> taken, long now) {
        WorkflowGraph graph = state.workflow().graph();
        for (String successorId : graph.successors(actionId)) {
            RunAction successor = state.action(successorId);
            if (successor.getStatus() != ActionStatus.PENDING) {
                continue;
            }
            if (successor.resolve(taken.contains(successorId), graph.inDegree(successorId))) {
                if (successor.anyArrived()) {
                    successor.moveTo(ActionStatus.READY);
                } else {
                    successor.moveTo(ActionStatus.SKIPPED);
                    successor.finish(now, null);
                    resolveSuccessors(state, successorId, Set.of(), now);
                }
            }
        }
    }

    /** After a step: a run whose actions are all final completes; otherwise RUNNING or WAITING. */
    private void settle(RunState state) {
        Run run = state.run();
        if (!run.getStatus().isActive()) {
            return;
        }
        if (state.allFinal()) {
            end(state, RunStatus.COMPLETED);
        } else if (state.any(ActionStatus.RUNNING) || state.any(ActionStatus.READY)) {
            run.moveTo(RunStatus.RUNNING);
        } else {
            run.moveTo(RunStatus.WAITING);
        }
    }
}

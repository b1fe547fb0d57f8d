package dev.baton.workflows.control;

import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.storage.control.StorageOperations;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.entity.Task;
import dev.baton.workflows.entity.ActionStatus;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Starts one READY action. User actions become Baton tasks (handler = the action's name, priority = the
 * run's); delay and wait arm a durable timer; switch, javascript and terminate finish at once;
 * subworkflow starts a child run. A javascript action's {@code storage} calls commit on their own, not with
 * the run's transaction. A template or script failure fails the action, nothing else.
 */
@ApplicationScoped
public class ActionStarter {

    static final int MAX_NESTING = 10;

    @Inject
    WorkflowTools tools;

    @Inject
    ActivityRuns activityRuns;

    @Inject
    TaskLifecycle tasks;

    @Inject
    RunMessages messages;

    @Inject
    RunEngine engine;

    @Inject
    WorkflowCatalog catalog;

    @Inject
    RunStore runs;

    @Inject
    ActiveWork activeWork;

    @Inject
    StorageOperations storage;

    /** The task origin naming a run's action (see {@link #parseOrigin}). */
    public static String origin(String runId, String actionId) {
        return "run:" + runId + ":" + actionId;
    }

    /** {runId, actionId} of a task origin written by {@link #origin}, or null for other origins. */
    public static String[] parseOrigin(String origin) {
        if (origin == null || !origin.startsWith("run:")) {
            return null;
        }
        int colon = origin.indexOf(':', 4);
        return colon < 0 ? null : new String[] {origin.substring(4, colon), origin.substring(colon + 1)};
    }

    public void start(RunState state, RunAction action) {
        WorkflowAction definition = state.workflow().action(action.getActionId());
        action.begin(System.currentTimeMillis());
        try {
            switch (definition.type()) {
                case USER -> startTask(state, action, definition);
                case ACTIVITY -> startActivity(state, action, definition);
                case SYSTEM -> startSystem(state, action, definition);
            }
        } catch (ScriptFailure | IllegalArgumentException e) {
            engine.fail(state, action, e.getMessage());
        }
    }

    private void startSystem(RunState state, RunAction action, WorkflowAction definition) {
        SystemAction kind = definition.systemAction().orElseThrow();
        switch (kind) {
            case DELAY -> startTimer(action, definition.delaySeconds() == null ? 0 : definition.delaySeconds(), state);
            case WAIT -> {
                action.setEvent(definition.event());
                startTimer(action, definition.timeoutSeconds(), state);
            }
            case SWITCH -> {
                JsonValue value = tools.templates().render(definition.expression(), state.context());
                String key = Templates.switchKey(value);
                String branch = key != null && definition.next().containsKey(key)
                        ? key
                        : definition.next().containsKey(RunEngine.DEFAULT_BRANCH) ? RunEngine.DEFAULT_BRANCH : null;
                action.setInput(JsonDocuments.print(value));
                JsonObjectBuilder output =
                        JsonDocuments.builders().createObjectBuilder().add("value", value);
                engine.complete(
                        state,
                        action,
                        JsonMembers.text(output, "branch", branch).build(),
                        branch);
            }
            case JAVASCRIPT -> {
                JsonObject output = tools.sandbox()
                        .run(
                                definition.expression(),
                                state.context(),
                                new ScriptStorage(storage, state.run().getSubmittedBy()));
                engine.complete(state, action, output, RunEngine.DEFAULT_BRANCH);
            }
            case TERMINATE -> terminate(state, action, definition);
            case SUBWORKFLOW -> startSubworkflow(state, action, definition);
        }
    }

    private void startTask(RunState state, RunAction action, WorkflowAction definition) {
        Run run = state.run();
        JsonValue params = definition.parameters() == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : tools.templates().render(definition.parameters(), state.context());
        action.setInput(JsonDocuments.print(params));
        TaskRequest request = new TaskRequest(
                definition.name(),
                params,
                run.getPriority(),
                run.getWorkflow() + "/" + action.getActionId(),
                definition.maxTries() == null ? TaskRequest.DEFAULT_MAX_TRIES : definition.maxTries(),
                definition.timeoutSeconds() == null ? TaskRequest.DEFAULT_TIMEOUT_SECONDS : definition.timeoutSeconds(),
                null);
        Task task = tasks.submit(request, run.getSubmittedBy(), null, null, origin(run.getId(), action.getActionId()));
        action.setTaskId(task.getId());
        action.moveTo(ActionStatus.RUNNING);
    }

    /**
     * Starts a run of the named activity with the rendered parameters as its metadata; the action runs
     * until the activity run ends (signal {@link Signal#ACTIVITY}) and outputs its status document.
     */
    private void startActivity(RunState state, RunAction action, WorkflowAction definition) {
        Run run = state.run();
        JsonValue params = definition.parameters() == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : tools.templates().render(definition.parameters(), state.context());
        if (params.getValueType() != JsonValue.ValueType.OBJECT) {
            engine.fail(state, action, "the parameters of an activity action (its metadata) must be an object");
            return;
        }
        action.setInput(JsonDocuments.print(params));
        ActivityRun activityRun;
        try {
            activityRun = activityRuns.create(
                    definition.name(),
                    params.asJsonObject(),
                    run.getSubmittedBy(),
                    origin(run.getId(), action.getActionId()));
        } catch (ProblemException e) {
            engine.fail(state, action, "activity '" + definition.name() + "': " + e.getMessage());
            return;
        }
        action.setActivityRunId(activityRun.getId());
        action.moveTo(ActionStatus.RUNNING);
    }

    private void startTimer(RunAction action, int seconds, RunState state) {
        if (seconds <= 0) {
            engine.complete(state, action, JsonValue.EMPTY_JSON_OBJECT, RunEngine.DEFAULT_BRANCH);
            return;
        }
        long delay = seconds * 1000L;
        int seq = action.armTimer(System.currentTimeMillis() + delay);
        action.moveTo(ActionStatus.WAITING);
        messages.timer(state.run().getId(), action.getActionId(), seq, delay);
    }

    private void terminate(RunState state, RunAction action, WorkflowAction definition) {
        String status = definition.parameters() instanceof JsonObject p && p.containsKey("status")
                ? p.getString("status", "COMPLETED")
                : "COMPLETED";
        engine.complete(state, action, JsonValue.EMPTY_JSON_OBJECT, null);
        if ("FAILED".equals(status)) {
            // A failed run normally keeps its in-flight work for a retry; a terminated one stops it all.
            activeWork.cancelAll(state, "terminated by action " + action.getActionId());
            state.run().setError("terminated by action " + action.getActionId() + " with status FAILED");
            engine.end(state, RunStatus.FAILED);
        } else {
            engine.end(state, RunStatus.COMPLETED);
        }
    }

    private void startSubworkflow(RunState state, RunAction action, WorkflowAction definition) {
        JsonObject parameters = definition.parameters().asJsonObject();
        String name = parameters.getString("workflow");
        if (depth(state.run()) >= MAX_NESTING) {
            engine.fail(state, action, "subworkflows nested deeper than " + MAX_NESTING + " runs");
            return;
        }
        CompiledWorkflow workflow;
        try {
            int version = parameters.containsKey("version")
                    ? parameters.getInt("version")
                    : catalog.latest(name).getVersion();
            workflow = catalog.compiled(name, version);
        } catch (ProblemException e) {
            engine.fail(state, action, e.getMessage());
            return;
        }
        JsonValue input = parameters.containsKey("input")
                ? tools.templates().render(parameters.get("input"), state.context())
                : JsonValue.EMPTY_JSON_OBJECT;
        action.setInput(JsonDocuments.print(input));
        Run child = engine.start(
                workflow,
                new RunRequest(name, workflow.version(), input, state.run().getPriority(), null),
                state.run().getSubmittedBy(),
                state.run().getId(),
                action.getActionId());
        action.setChildRunId(child.getId());
        action.moveTo(ActionStatus.RUNNING);
    }

    private int depth(Run run) {
        int depth = 0;
        String parent = run.getParentRunId();
        while (parent != null && depth < MAX_NESTING) {
            depth++;
            parent = runs.find(parent).map(Run::getParentRunId).orElse(null);
        }
        return depth;
    }
}

package dev.baton.workflows.control;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Comparator;
import java.util.Map;

/** The JSON representation of runs: a summary for lists, the full document with every action's state. */
public final class RunJson {

    private RunJson() {}

    public static JsonObject summary(Run run) {
        return base(run).build();
    }

    /**
     * The run with its actions in definition order and {@code path}: the ids of the actions that
     * finished, in the order they finished.
     */
    public static JsonObject of(Run run, CompiledWorkflow workflow, Map<String, RunAction> actions) {
        JsonArrayBuilder list = JsonDocuments.builders().createArrayBuilder();
        for (String id : workflow.graph().ids()) {
            list.add(action(workflow.action(id), actions.get(id)));
        }
        JsonArrayBuilder path = JsonDocuments.builders().createArrayBuilder();
        actions.values().stream()
                .filter(a -> a.getStep() != null)
                .sorted(Comparator.comparing(RunAction::getStep))
                .forEach(a -> path.add(a.getActionId()));
        return base(run).add("path", path).add("actions", list).build();
    }

    /** A finished run's outputs by action id (what a subworkflow action outputs). */
    public static JsonObject outputs(Run run, Map<String, RunAction> actions) {
        JsonObjectBuilder outputs = JsonDocuments.builders().createObjectBuilder();
        actions.values().stream()
                .filter(a -> a.getOutput() != null)
                .forEach(a -> outputs.add(a.getActionId(), JsonDocuments.parseStored(a.getOutput())));
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("runId", run.getId())
                .add("status", run.getStatus().name())
                .add("outputs", outputs)
                .build();
    }

    private static JsonObjectBuilder base(Run run) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("id", run.getId())
                .add("workflow", run.getWorkflow())
                .add("version", run.getWorkflowVersion())
                .add("status", run.getStatus().name())
                .add("priority", run.getPriority())
                .add("input", stored(run.getInput()));
        JsonMembers.text(json, "user", run.getSubmittedBy());
        JsonMembers.text(json, "idempotencyKey", run.getIdempotencyKey());
        JsonMembers.text(json, "parentRunId", run.getParentRunId());
        JsonMembers.text(json, "parentActionId", run.getParentActionId());
        JsonMembers.time(json, "startTime", run.getStartTime());
        JsonMembers.time(json, "endTime", run.getEndTime());
        if (run.getEndTime() != null) {
            json.add("durationMs", run.getEndTime() - run.getStartTime());
        } else {
            json.addNull("durationMs");
        }
        JsonMembers.text(json, "error", run.getError());
        return json;
    }

    private static JsonObject action(WorkflowAction definition, RunAction action) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("id", action.getActionId())
                .add("type", definition.type().jsonName())
                .add("name", definition.name())
                .add("status", action.getStatus().name())
                .add("input", stored(action.getInput()))
                .add("output", stored(action.getOutput()));
        JsonMembers.text(json, "error", action.getError());
        JsonMembers.text(json, "branch", action.getBranch());
        JsonMembers.time(json, "startTime", action.getStartTime());
        JsonMembers.time(json, "endTime", action.getEndTime());
        if (action.getStep() != null) {
            json.add("step", action.getStep());
        }
        JsonMembers.text(json, "taskId", action.getTaskId());
        JsonMembers.text(json, "childRunId", action.getChildRunId());
        JsonMembers.text(json, "activityRunId", action.getActivityRunId());
        JsonMembers.text(json, "event", action.getEvent());
        JsonMembers.time(json, "dueTime", action.getDueTime());
        return json.add("attempts", action.getAttempts()).build();
    }

    private static JsonValue stored(String text) {
        JsonValue value = JsonDocuments.parseStored(text);
        return value == null ? JsonValue.NULL : value;
    }
}

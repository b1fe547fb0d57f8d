package dev.baton.workflows.control;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.workflows.entity.ActionStatus;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/** A locked run with its workflow version and its actions, loaded once per transaction. */
public record RunState(Run run, CompiledWorkflow workflow, Map<String, RunAction> actions) {

    public RunAction action(String id) {
        RunAction action = actions.get(id);
        if (action == null) {
            throw new IllegalStateException("run " + run.getId() + " has no action " + id);
        }
        return action;
    }

    /** The first READY action in definition order. */
    public Optional<RunAction> firstReady() {
        return workflow.graph().ids().stream()
                .map(actions::get)
                .filter(a -> a.getStatus() == ActionStatus.READY)
                .findFirst();
    }

    public boolean allFinal() {
        return actions.values().stream().allMatch(a -> a.getStatus().isFinal());
    }

    public boolean any(ActionStatus status) {
        return actions.values().stream().anyMatch(a -> a.getStatus() == status);
    }

    /**
     * The document templates and scripts see: {@code {"input": <run input>, "<id>": {"input": ...,
     * "output": ...}}} for every action that has finished.
     */
    public jakarta.json.JsonObject context() {
        JsonObjectBuilder context = JsonDocuments.builders().createObjectBuilder();
        context.add("input", orEmpty(JsonDocuments.parseStored(run.getInput())));
        for (RunAction action : actions.values()) {
            if (action.getStatus() == ActionStatus.COMPLETED) {
                context.add(
                        action.getActionId(),
                        JsonDocuments.builders()
                                .createObjectBuilder()
                                .add("input", orNull(JsonDocuments.parseStored(action.getInput())))
                                .add("output", orNull(JsonDocuments.parseStored(action.getOutput()))));
            }
        }
        return context.build();
    }

    private static JsonValue orEmpty(JsonValue value) {
        return value == null ? JsonValue.EMPTY_JSON_OBJECT : value;
    }

    private static JsonValue orNull(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }
}

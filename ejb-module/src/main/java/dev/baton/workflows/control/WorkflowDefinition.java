package dev.baton.workflows.control;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A valid workflow definition, as {@link WorkflowValidator} built it.
 *
 * @param timeoutSeconds Baton's extension: the whole run's timeout, null when absent
 * @param actions in definition order
 * @param source the document it was read from
 */
public record WorkflowDefinition(
        String name, String rootAction, Integer timeoutSeconds, List<WorkflowAction> actions, JsonObject source) {

    public WorkflowDefinition {
        actions = List.copyOf(actions);
    }

    public Optional<WorkflowAction> action(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public WorkflowAction root() {
        return action(rootAction).orElseThrow();
    }
}

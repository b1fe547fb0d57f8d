package dev.baton.workflows.control;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One action of a valid definition. Ids are strings even where the document has numbers ({@code 1} is
 * {@code "1"}). {@code next} keeps the document's key order and maps each key (an event, a switch value or
 * {@code "default"}) to the ids to run after this action; it is empty for a last action.
 *
 * @param parameters the raw {@code "parameters"} (templates not rendered), null when absent
 * @param expression a switch's template or a javascript action's source, else null
 * @param timeoutSeconds a wait's timeout, or a user action's task timeout; null when absent
 * @param maxTries a user action's attempts; null when absent
 * @param pointer the JSON pointer of this action in the definition, e.g. {@code /actions/3}
 */
public record WorkflowAction(
        String id,
        ActionType type,
        String name,
        JsonValue parameters,
        Map<String, List<String>> next,
        String expression,
        Integer delaySeconds,
        String event,
        Integer timeoutSeconds,
        Integer maxTries,
        String pointer) {

    public WorkflowAction {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (next != null) {
            next.forEach((key, ids) -> copy.put(key, List.copyOf(ids)));
        }
        next = Collections.unmodifiableMap(copy);
    }

    /** The system action this is, empty for user and activity actions. */
    public Optional<SystemAction> systemAction() {
        return type == ActionType.SYSTEM ? SystemAction.fromJson(name) : Optional.empty();
    }
}

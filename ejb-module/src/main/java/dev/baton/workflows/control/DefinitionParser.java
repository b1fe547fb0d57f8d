package dev.baton.workflows.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a definition document's structure into the model, recording an error for every member that is
 * missing or of the wrong shape. Actions whose id is readable are kept even when other members are wrong
 * (their type may then be null), so the graph checks that follow do not report false errors.
 */
final class DefinitionParser {

    static final int MAX_ACTIONS = 1_000;

    /** What could be read; its parts are null where the document is wrong. */
    record Parsed(
            String name, String rootAction, Integer timeoutSeconds, List<WorkflowAction> actions, JsonObject source) {}

    private final Findings findings;
    private final JsonFields fields;

    DefinitionParser(Findings findings) {
        this.findings = findings;
        this.fields = new JsonFields(findings);
    }

    /** Null when the document is not even an object. */
    Parsed parse(JsonValue document) {
        if (!(document instanceof JsonObject definition)) {
            findings.error(
                    "",
                    "a workflow definition must be a JSON object, not "
                            + (document == null ? "nothing" : JsonFields.typeOf(document)));
            return null;
        }
        String name = fields.string(definition, "name", "", true);
        if (name != null && !JsonFields.NAME.matcher(name).matches()) {
            findings.error("/name", "'name' must be 1 to 100 letters, digits, '.', '_' or '-' (it goes in URLs)");
            name = null;
        }
        String rootAction = definition.containsKey("rootAction")
                ? fields.id(definition.get("rootAction"), "/rootAction", "'rootAction'")
                : missing("/rootAction", "'rootAction' is required: the id of the action the workflow starts with");
        Integer timeout = fields.integer(definition, "timeoutSeconds", "", false, 1, JsonFields.MAX_SECONDS);
        return new Parsed(name, rootAction, timeout, actions(definition), definition);
    }

    private String missing(String pointer, String message) {
        findings.error(pointer, message);
        return null;
    }

    private List<WorkflowAction> actions(JsonObject definition) {
        JsonValue value = definition.get("actions");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            findings.error(
                    "/actions",
                    value == null
                            ? "'actions' is required: a non-empty array of actions"
                            : "'actions' must be a non-empty array of actions, not "
                                    + (value instanceof JsonArray ? "an empty array" : JsonFields.typeOf(value)));
            return List.of();
        }
        if (array.size() > MAX_ACTIONS) {
            findings.error("/actions", "a workflow has at most " + MAX_ACTIONS + " actions, not " + array.size());
            return List.of();
        }
        List<WorkflowAction> actions = new ArrayList<>();
        Map<String, String> firstPointerOfId = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String pointer = "/actions/" + i;
            if (!(array.get(i) instanceof JsonObject action)) {
                findings.error(pointer, "an action must be a JSON object, not " + JsonFields.typeOf(array.get(i)));
                continue;
            }
            WorkflowAction parsed = action(action, pointer);
            if (parsed == null) {
                continue;
            }
            String first = firstPointerOfId.putIfAbsent(parsed.id(), pointer);
            if (first != null) {
                findings.error(pointer + "/id", "duplicate id '" + parsed.id() + "': " + first + " has it already");
                continue;
            }
            actions.add(parsed);
        }
        return actions;
    }

    private WorkflowAction action(JsonObject action, String pointer) {
        String id = fields.id(action.get("id"), pointer + "/id", "'id'");
        if ("input".equals(id)) {
            findings.error(pointer + "/id", "'input' cannot be an action id: $.input is the workflow's input");
            id = null;
        }
        ActionType type = type(action, pointer);
        String name = fields.string(action, "name", pointer, true);
        Map<String, List<String>> next = next(action, pointer);
        String expression = fields.string(action, "expression", pointer, false);
        String event = fields.string(action, "event", pointer, false);
        Integer delay = fields.integer(action, "delaySeconds", pointer, false, 0, JsonFields.MAX_SECONDS);
        Integer timeout = fields.integer(action, "timeoutSeconds", pointer, false, 1, JsonFields.MAX_SECONDS);
        Integer maxTries = fields.integer(action, "maxTries", pointer, false, 1, 100);
        if (id == null) {
            return null;
        }
        return new WorkflowAction(
                id, type, name, action.get("parameters"), next, expression, delay, event, timeout, maxTries, pointer);
    }

    private ActionType type(JsonObject action, String pointer) {
        String type = fields.string(action, "type", pointer, true);
        if (type == null) {
            return null;
        }
        return ActionType.fromJson(type).orElseGet(() -> {
            findings.error(pointer + "/type", "unknown type '" + type + "': use user, system or activity");
            return null;
        });
    }

    private Map<String, List<String>> next(JsonObject action, String pointer) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        JsonValue value = action.get("next");
        if (value == null || value == JsonValue.NULL) {
            return next;
        }
        String base = pointer + "/next";
        if (!(value instanceof JsonObject keys)) {
            findings.error(base, "'next' must be an object like {\"default\": [2]}, not " + JsonFields.typeOf(value));
            return next;
        }
        keys.forEach((key, ids) -> {
            String keyPointer = Findings.pointer(base, key);
            if (!(ids instanceof JsonArray array)) {
                findings.error(
                        keyPointer,
                        "next['" + key + "'] must be an array of action ids, not " + JsonFields.typeOf(ids));
                return;
            }
            List<String> targets = new ArrayList<>();
            for (int j = 0; j < array.size(); j++) {
                String target = fields.id(array.get(j), keyPointer + "/" + j, "an action id in next");
                if (target != null) {
                    targets.add(target);
                }
            }
            next.put(key, targets);
        });
        return next;
    }
}

package dev.baton.workflows.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The rules of each kind of action: what a system action needs ({@code delaySeconds}, a switch template,
 * a javascript source that compiles, ...), templates that compile, and handler or activity names that
 * nothing has registered yet (warnings).
 */
final class ActionChecks {

    private static final Set<String> TERMINAL_STATUSES = Set.of("COMPLETED", "FAILED");

    private final Findings findings;
    private final JsonFields fields;
    private final Templates templates;
    private final ScriptSandbox sandbox;

    ActionChecks(Findings findings, Templates templates, ScriptSandbox sandbox) {
        this.findings = findings;
        this.fields = new JsonFields(findings);
        this.templates = templates;
        this.sandbox = sandbox;
    }

    void check(WorkflowAction action, String workflowName, Set<String> knownHandlers, Set<String> knownActivities) {
        checkTemplates(action.parameters(), action.pointer() + "/parameters");
        if (action.type() == null || action.name() == null) {
            return;
        }
        switch (action.type()) {
            case USER -> {
                if (!knownHandlers.contains(action.name())) {
                    findings.warning(
                            action.pointer() + "/name",
                            "no registered handler '" + action.name() + "' yet; workers may register it later");
                }
            }
            case ACTIVITY -> {
                if (!knownActivities.isEmpty() && !knownActivities.contains(action.name())) {
                    findings.warning(action.pointer() + "/name", "no activity named '" + action.name() + "'");
                }
            }
            case SYSTEM -> checkSystem(action, workflowName);
        }
    }

    private void checkSystem(WorkflowAction action, String workflowName) {
        String pointer = action.pointer();
        SystemAction kind = SystemAction.fromJson(action.name()).orElse(null);
        if (kind == null) {
            findings.error(
                    pointer + "/name",
                    "unknown system action '" + action.name() + "': use one of " + SystemAction.known());
            return;
        }
        switch (kind) {
            case DELAY -> requirePresent(
                    action.delaySeconds(), pointer, "delaySeconds", "a delay needs 'delaySeconds'");
            case SWITCH -> checkSwitch(action);
            case JAVASCRIPT -> checkJavascript(action);
            case WAIT -> {
                requirePresent(action.event(), pointer, "event", "a wait needs the 'event' it waits for");
                requirePresent(
                        action.timeoutSeconds(), pointer, "timeoutSeconds", "a wait needs 'timeoutSeconds' (> 0)");
            }
            case TERMINATE -> checkTerminate(action);
            case SUBWORKFLOW -> checkSubworkflow(action, workflowName);
        }
    }

    private void checkSwitch(WorkflowAction action) {
        String pointer = action.pointer() + "/expression";
        if (action.expression() == null) {
            requirePresent(
                    null, action.pointer(), "expression", "a switch needs an 'expression' like {$.1.output.status}");
            return;
        }
        TemplateScanner.Scan scan = TemplateScanner.scan(action.expression());
        if (scan.problems().isEmpty() && !scan.singleExpression()) {
            findings.error(
                    pointer,
                    "a switch expression must be one template like {$.1.output.status}, not '" + action.expression()
                            + "'");
            return;
        }
        templates.problems(action.expression()).forEach(problem -> findings.error(pointer, problem));
    }

    private void checkJavascript(WorkflowAction action) {
        if (action.expression() == null) {
            requirePresent(
                    null, action.pointer(), "expression", "a javascript action needs its source in 'expression'");
            return;
        }
        sandbox.syntaxError(action.expression())
                .ifPresent(error -> findings.error(action.pointer() + "/expression", error));
    }

    private void checkTerminate(WorkflowAction action) {
        if (!action.next().isEmpty()) {
            findings.error(action.pointer() + "/next", "a terminate action ends the run: it cannot have 'next'");
        }
        JsonValue parameters = action.parameters();
        if (parameters == null || parameters == JsonValue.NULL) {
            return;
        }
        if (!(parameters instanceof JsonObject object)) {
            findings.error(action.pointer() + "/parameters", "a terminate's parameters must be an object");
            return;
        }
        JsonValue status = object.get("status");
        if (status != null && !(status instanceof JsonString text && TERMINAL_STATUSES.contains(text.getString()))) {
            findings.error(
                    action.pointer() + "/parameters/status",
                    "a terminate's status must be COMPLETED or FAILED, not " + status);
        }
    }

    private void checkSubworkflow(WorkflowAction action, String workflowName) {
        String pointer = action.pointer() + "/parameters";
        if (!(action.parameters() instanceof JsonObject parameters)) {
            findings.error(pointer, "a subworkflow needs 'parameters' with the 'workflow' to start");
            return;
        }
        String workflow = fields.string(parameters, "workflow", pointer, true);
        if (workflow != null && !JsonFields.NAME.matcher(workflow).matches()) {
            findings.error(pointer + "/workflow", "'" + workflow + "' is not a workflow name");
        }
        fields.integer(parameters, "version", pointer, false, 1, Integer.MAX_VALUE);
        if (workflow != null && workflow.equals(workflowName)) {
            findings.warning(
                    pointer + "/workflow", "the workflow starts itself: make sure a switch ends the recursion");
        }
    }

    private void requirePresent(Object value, String actionPointer, String key, String message) {
        // a present but malformed member already has its error from the parser
        if (value == null && findings.errors().stream().noneMatch(v -> v.field().equals(actionPointer + "/" + key))) {
            findings.error(actionPointer + "/" + key, message);
        }
    }

    /** Every string anywhere in {@code value} whose templates do not compile. */
    private void checkTemplates(JsonValue value, String pointer) {
        if (value == null) {
            return;
        }
        switch (value.getValueType()) {
            case STRING -> templates
                    .problems(((JsonString) value).getString())
                    .forEach(problem -> findings.error(pointer, problem));
            case OBJECT -> value.asJsonObject()
                    .forEach((key, member) -> checkTemplates(member, Findings.pointer(pointer, key)));
            case ARRAY -> {
                for (int i = 0; i < value.asJsonArray().size(); i++) {
                    checkTemplates(value.asJsonArray().get(i), pointer + "/" + i);
                }
            }
            default -> {}
        }
    }
}

package dev.baton.workflows.control;

import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Validates a workflow definition document (already parsed JSON) and builds its {@link WorkflowDefinition}.
 * Reports every error at once, each at a JSON pointer; names of handlers and activities that nothing has
 * registered are warnings. Thread-safe.
 */
public final class WorkflowValidator {

    private final Templates templates;
    private final ScriptSandbox sandbox;

    public WorkflowValidator() {
        this(new Templates(), new ScriptSandbox());
    }

    /** With the engine's shared instances (compiled paths and scripts are cached in them). */
    public WorkflowValidator(Templates templates, ScriptSandbox sandbox) {
        this.templates = templates;
        this.sandbox = sandbox;
    }

    /**
     * @param knownHandlers names of the handlers registered now; user actions naming others are warnings
     * @param knownActivities names of the activities; when empty, activity names are not checked
     */
    public WorkflowValidation validate(JsonValue document, Set<String> knownHandlers, Set<String> knownActivities) {
        Findings findings = new Findings();
        DefinitionParser.Parsed parsed = new DefinitionParser(findings).parse(document);
        if (parsed == null) {
            return new WorkflowValidation(null, findings.errors(), findings.warnings());
        }
        ActionChecks actionChecks = new ActionChecks(findings, templates, sandbox);
        parsed.actions().forEach(action -> actionChecks.check(action, parsed.name(), knownHandlers, knownActivities));
        new GraphChecks(findings).check(parsed.rootAction(), parsed.actions());
        WorkflowDefinition definition = findings.hasErrors()
                ? null
                : new WorkflowDefinition(
                        parsed.name(), parsed.rootAction(), parsed.timeoutSeconds(), parsed.actions(), parsed.source());
        return new WorkflowValidation(definition, findings.errors(), findings.warnings());
    }
}

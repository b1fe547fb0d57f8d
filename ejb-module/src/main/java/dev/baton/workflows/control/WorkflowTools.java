package dev.baton.workflows.control;

import jakarta.enterprise.context.ApplicationScoped;

/** The shared, thread-safe template engine, JavaScript sandbox and validator (their caches are per node). */
@ApplicationScoped
public class WorkflowTools {

    private final Templates templates = new Templates();
    private final ScriptSandbox sandbox = new ScriptSandbox();
    private final WorkflowValidator validator = new WorkflowValidator(templates, sandbox);

    public Templates templates() {
        return templates;
    }

    public ScriptSandbox sandbox() {
        return sandbox;
    }

    public WorkflowValidator validator() {
        return validator;
    }
}

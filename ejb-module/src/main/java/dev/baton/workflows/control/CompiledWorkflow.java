package dev.baton.workflows.control;

/** A stored workflow version, parsed and with its graph: immutable, so cached per node. */
public record CompiledWorkflow(WorkflowDefinition definition, int version, WorkflowGraph graph) {

    public String name() {
        return definition.name();
    }

    public WorkflowAction action(String id) {
        return definition
                .action(id)
                .orElseThrow(() ->
                        new IllegalStateException("workflow " + name() + " v" + version + " has no action " + id));
    }
}

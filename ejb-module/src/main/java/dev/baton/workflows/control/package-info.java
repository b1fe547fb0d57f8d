/**
 * The workflow engine's pure logic, free of CDI, EJB and persistence: the definition model and its
 * validation ({@link dev.baton.workflows.control.WorkflowValidator}), the action graph, JSONPath
 * templates that feed one action's output into the next ({@link dev.baton.workflows.control.Templates})
 * and the sandbox that runs javascript actions ({@link dev.baton.workflows.control.ScriptSandbox}).
 */
package dev.baton.workflows.control;

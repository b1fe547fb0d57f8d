package dev.baton.workflows.control;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import java.util.List;

/**
 * What {@link WorkflowValidator} found: every error and warning at once, each naming a JSON pointer.
 *
 * @param definition null when there are errors
 */
public record WorkflowValidation(WorkflowDefinition definition, List<Violation> errors, List<Violation> warnings) {

    public WorkflowValidation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The definition, or a 422 problem listing every error. */
    public WorkflowDefinition orThrow() {
        if (!valid()) {
            throw ProblemException.invalid(errors);
        }
        return definition;
    }
}

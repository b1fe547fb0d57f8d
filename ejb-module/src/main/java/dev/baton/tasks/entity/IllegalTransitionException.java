package dev.baton.tasks.entity;

import dev.baton.infrastructure.problem.ProblemException;

/** A status change the lifecycle table does not allow: a 409 for clients. */
public class IllegalTransitionException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String taskId, TaskStatus from, TaskStatus to) {
        super(
                409,
                "illegal-transition",
                "Not allowed in the task's current status",
                "task " + taskId + " is " + from + " and cannot become " + to + " (allowed from " + from + ": "
                        + from.allowedTargets() + ")");
    }
}

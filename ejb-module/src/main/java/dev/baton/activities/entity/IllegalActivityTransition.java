package dev.baton.activities.entity;

import dev.baton.infrastructure.problem.ProblemException;

/** An activity run or plugin status change its lifecycle table does not allow: a 409 for clients. */
public class IllegalActivityTransition extends ProblemException {

    private static final long serialVersionUID = 1L;

    public IllegalActivityTransition(String what, Object from, Object to, Object allowed) {
        super(
                409,
                "illegal-transition",
                "Not allowed in the current status",
                what + " is " + from + " and cannot become " + to + " (allowed from " + from + ": " + allowed + ")");
    }
}

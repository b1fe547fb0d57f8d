package dev.baton.tasks.boundary;

import dev.baton.handlers.control.HandlerInvoker;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.tasks.control.Claim;
import dev.baton.tasks.control.TaskLifecycle;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;

/**
 * Runs the merge phase of a COMPLETE task: its handler gets every child's outcome, and the task ends
 * SUCCEEDED with the merge result or ERROR. Does nothing unless the task is COMPLETE, so a repeated
 * call (a restarted batch job) never merges twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MergeExecution {

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    HandlerInvoker invoker;

    public void merge(String parentId) {
        Claim claim = lifecycle.mergeClaim(parentId);
        if (claim == null) {
            return;
        }
        JsonArray children = lifecycle.childOutcomes(parentId, childrenTotal(parentId));
        HandlerOutcome outcome = invoker.invoke(claim.handler(), claim.context(Phase.MERGE, children));
        lifecycle.finishMerge(parentId, outcome);
    }

    private int childrenTotal(String parentId) {
        return lifecycle.childrenTotal(parentId);
    }
}

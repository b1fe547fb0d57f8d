package dev.baton.tasks.control;

import jakarta.ejb.ApplicationException;

/**
 * A dispatch message arrived before the database change that sent it is visible: the two commit in
 * one XA transaction, but its branches complete one after the other, so the broker may deliver the
 * message a moment before the task row (or its new dispatch sequence) can be read. The consumer
 * tries again shortly instead of dropping the message as stale.
 */
@ApplicationException(rollback = true)
public class DispatchNotVisibleYet extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DispatchNotVisibleYet(String taskId, int seq) {
        super("dispatch " + seq + " of task " + taskId + " is not visible in the database yet");
    }
}

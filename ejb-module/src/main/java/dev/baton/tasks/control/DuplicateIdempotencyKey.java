package dev.baton.tasks.control;

import jakarta.ejb.ApplicationException;

/**
 * Another submission with the same user and idempotency key committed first (the unique index refused
 * this one). An application exception, so the container rolls back without logging it as a failure;
 * the caller answers with the winner.
 */
@ApplicationException(rollback = true)
public class DuplicateIdempotencyKey extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateIdempotencyKey(String key, Throwable cause) {
        super("idempotency key '" + key + "' was used by a concurrent submission", cause);
    }
}

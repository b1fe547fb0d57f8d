package dev.baton.sdk;

/**
 * Thrown by a handler to report its attempt as {@code TIMED_OUT} rather than {@code FAILED} (the worker
 * also reports a timeout itself when a handler overruns the task's {@code timeoutSeconds}).
 */
public class TaskTimedOutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskTimedOutException(String message) {
        super(message);
    }
}

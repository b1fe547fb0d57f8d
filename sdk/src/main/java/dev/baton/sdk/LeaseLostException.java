package dev.baton.sdk;

/**
 * The task no longer belongs to this worker (cancelled, or revived elsewhere after a lost lease): thrown
 * by {@link TaskContext#progress} on a {@code 409 lease-lost}. Handlers may let it propagate; the worker
 * drops the task without reporting.
 */
public class LeaseLostException extends BatonException {

    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(message);
    }
}

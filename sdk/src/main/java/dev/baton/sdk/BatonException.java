package dev.baton.sdk;

/** Anything that went wrong talking to Baton: the server unreachable after retries, an interruption, … */
public class BatonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatonException(String message) {
        super(message);
    }

    public BatonException(String message, Throwable cause) {
        super(message, cause);
    }
}

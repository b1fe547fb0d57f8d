package dev.baton.workflows.control;

/** A javascript action that did not compile, threw, broke a sandbox limit or gave output that is not JSON. */
public class ScriptFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScriptFailure(String message) {
        super(message);
    }

    public ScriptFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

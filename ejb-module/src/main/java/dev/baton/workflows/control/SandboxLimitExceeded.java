package dev.baton.workflows.control;

/**
 * Thrown from Rhino's instruction observer to stop a script. An {@link Error}, because Rhino lets scripts
 * catch runtime exceptions in {@code try/catch} and run {@code finally} blocks, but not errors.
 */
final class SandboxLimitExceeded extends Error {

    private static final long serialVersionUID = 1L;

    SandboxLimitExceeded(String message) {
        super(message, null, false, false);
    }
}

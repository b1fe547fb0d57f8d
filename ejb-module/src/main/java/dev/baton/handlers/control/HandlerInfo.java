package dev.baton.handlers.control;

/** A registered handler as listed by {@code GET /api/handlers}. */
public record HandlerInfo(String name, Kind kind, String description) {

    public enum Kind {
        JAVA,
        SCRIPT,
        REMOTE
    }
}

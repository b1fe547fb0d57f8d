package dev.baton.workflows.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What runs an action: a handler on a worker ({@code user}), the engine itself, or a named activity. */
public enum ActionType {
    USER,
    SYSTEM,
    ACTIVITY;

    /** The name in a definition's {@code "type"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName().equals(name)).findFirst();
    }
}

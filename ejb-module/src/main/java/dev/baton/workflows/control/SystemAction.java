package dev.baton.workflows.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The actions the engine runs itself; their {@code "name"} in a definition is the lower-case constant. */
public enum SystemAction {
    DELAY,
    SWITCH,
    JAVASCRIPT,
    WAIT,
    TERMINATE,
    SUBWORKFLOW;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SystemAction> fromJson(String name) {
        return Arrays.stream(values()).filter(a -> a.jsonName().equals(name)).findFirst();
    }

    /** "delay, switch, …" for messages. */
    public static String known() {
        return Arrays.stream(values()).map(SystemAction::jsonName).collect(Collectors.joining(", "));
    }
}

package dev.baton.cluster.spi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A command server nodes carry out, found by {@link #name()} among the CDI beans implementing this
 * interface. Runs on every node the command targets, outside any transaction; an exception is that
 * node's failed answer (its message is reported).
 */
public interface CommandHandler {

    /** The command's name, e.g. {@code reload-workspace}. */
    String name();

    /** One line for operators. */
    default String description() {
        return name();
    }

    /** Carries the command out on this node; the returned value is this node's answer. */
    JsonValue execute(JsonObject args) throws Exception;
}

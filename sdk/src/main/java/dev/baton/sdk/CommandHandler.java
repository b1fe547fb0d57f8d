package dev.baton.sdk;

import jakarta.json.JsonObject;

/**
 * Answers a command addressed to the worker (see {@code POST /api/commands}): the returned value (written
 * as JSON) is the answer with {@code ok: true}; an exception answers {@code ok: false} with its message as {@code error}.
 */
@FunctionalInterface
public interface CommandHandler {

    Object handle(JsonObject args) throws Exception;
}

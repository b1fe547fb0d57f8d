package dev.baton.tasks.control;

import jakarta.json.JsonValue;

/** A validated submission (REST body or JMS message). */
public record TaskRequest(
        String handler,
        JsonValue params,
        int priority,
        String name,
        int maxTries,
        int timeoutSeconds,
        String idempotencyKey) {

    public static final int DEFAULT_PRIORITY = 50;
    public static final int DEFAULT_MAX_TRIES = 10;
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;

    public TaskRequest withIdempotencyKey(String key) {
        return new TaskRequest(handler, params, priority, name, maxTries, timeoutSeconds, key);
    }
}

package dev.baton.sdk;

import jakarta.json.JsonObjectBuilder;

/**
 * The optional fields of a submission ({@code POST /api/tasks}): priority (0–100, default 50), name,
 * maxTries (1–100, default 10), timeoutSeconds (1–86400, default 300) and an idempotency key. Immutable:
 * each setter answers a copy, e.g. {@code TaskOptions.defaults().priority(80).maxTries(3)}. Baton
 * checks the ranges (422).
 */
public final class TaskOptions {

    private static final TaskOptions DEFAULTS = new TaskOptions(null, null, null, null, null);

    private final Integer priority;
    private final String name;
    private final Integer maxTries;
    private final Integer timeoutSeconds;
    private final String idempotencyKey;

    private TaskOptions(
            Integer priority, String name, Integer maxTries, Integer timeoutSeconds, String idempotencyKey) {
        this.priority = priority;
        this.name = name;
        this.maxTries = maxTries;
        this.timeoutSeconds = timeoutSeconds;
        this.idempotencyKey = idempotencyKey;
    }

    /** No options: Baton's defaults. */
    public static TaskOptions defaults() {
        return DEFAULTS;
    }

    public TaskOptions priority(int priority) {
        return new TaskOptions(priority, name, maxTries, timeoutSeconds, idempotencyKey);
    }

    public TaskOptions name(String name) {
        return new TaskOptions(priority, name, maxTries, timeoutSeconds, idempotencyKey);
    }

    public TaskOptions maxTries(int maxTries) {
        return new TaskOptions(priority, name, maxTries, timeoutSeconds, idempotencyKey);
    }

    public TaskOptions timeoutSeconds(int timeoutSeconds) {
        return new TaskOptions(priority, name, maxTries, timeoutSeconds, idempotencyKey);
    }

    /** A repeated key answers the original task instead of submitting a new one. */
    public TaskOptions idempotencyKey(String key) {
        return new TaskOptions(priority, name, maxTries, timeoutSeconds, key);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    void addTo(JsonObjectBuilder body) {
        if (priority != null) {
            body.add("priority", priority);
        }
        if (name != null) {
            body.add("name", name);
        }
        if (maxTries != null) {
            body.add("maxTries", maxTries);
        }
        if (timeoutSeconds != null) {
            body.add("timeoutSeconds", timeoutSeconds);
        }
        if (idempotencyKey != null) {
            body.add("idempotencyKey", idempotencyKey);
        }
    }

    @Override
    public String toString() {
        return "TaskOptions[priority=" + priority + ", name=" + name + ", maxTries=" + maxTries + ", timeoutSeconds="
                + timeoutSeconds + ", idempotencyKey=" + idempotencyKey + "]";
    }
}

package dev.baton.handlers.spi;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;

/**
 * What a handler gets: the task's identity and params, which try this is, its time budget, and in the
 * {@link Phase#MERGE} phase the children ({@code [{index, id, status, result, error}]}, by index).
 */
public record TaskContext(
        String taskId,
        String name,
        JsonValue params,
        int tryNumber,
        int priority,
        Duration timeout,
        Phase phase,
        JsonArray children) {}

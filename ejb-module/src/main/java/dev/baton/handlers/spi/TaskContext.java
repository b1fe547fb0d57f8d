package dev.baton.handlers.spi;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;

/**
 * What a handler gets: the task's identity and params, which try this is, its time budget, and in the
 * {@link Phase#MERGE} phase the children ({@code [{index, id, status, result, error}]}, by index).
 * {@code tryNumber} is the attempt's number over the task's whole life (1, 2, ...): a manual retry
 * continues the count, while the task's retry budget ({@code tries} against {@code maxTries}) restarts.
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

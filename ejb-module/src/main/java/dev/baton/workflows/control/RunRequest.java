package dev.baton.workflows.control;

import jakarta.json.JsonValue;

/**
 * A validated request to start a run.
 *
 * @param workflow the workflow's name
 * @param version the version to run, or null for the latest
 * @param input the run's input (a JSON object), or null for {}
 * @param priority 0-100, inherited by the run's tasks
 * @param idempotencyKey a repeated key returns the original run
 */
public record RunRequest(String workflow, Integer version, JsonValue input, int priority, String idempotencyKey) {

    public static final int DEFAULT_PRIORITY = 50;
}

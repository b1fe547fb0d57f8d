package dev.baton.tasks.boundary;

import jakarta.json.JsonObject;

/** A submitted task's JSON and whether this call created it (false: an idempotent repeat). */
public record SubmitResult(String taskId, JsonObject task, boolean created) {}

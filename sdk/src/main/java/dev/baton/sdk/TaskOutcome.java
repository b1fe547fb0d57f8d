package dev.baton.sdk;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * What a task document (a REST answer or a JMS reply) means for the caller once the task ended: its
 * result read as the wanted type, or a {@link TaskFailedException} for {@code ERROR} and {@code CANCELLED}.
 */
final class TaskOutcome {

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "ERROR", "CANCELLED");

    private TaskOutcome() {}

    /** True when the document shows an ended task. */
    static boolean ended(JsonObject task) {
        return TERMINAL.contains(JsonCodec.text(task, "status"));
    }

    /** An ended task (or result document) as its result, or the {@link TaskFailedException}. */
    static <T> T of(JsonObject task, Class<T> type) {
        String status = JsonCodec.text(task, "status");
        if ("SUCCEEDED".equals(status)) {
            return JsonCodec.fromJson(task.getOrDefault("result", JsonValue.NULL), type);
        }
        throw new TaskFailedException(JsonCodec.text(task, "id"), status, JsonCodec.text(task, "error"), task);
    }
}

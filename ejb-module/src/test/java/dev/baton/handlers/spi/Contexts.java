package dev.baton.handlers.spi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;

/** Test helper: {@link TaskContext}s for calling handlers and scripts directly. */
public final class Contexts {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Contexts() {}

    /** The run phase of try 1 of task "task-1". */
    public static TaskContext run(JsonValue params) {
        return run(params, 1);
    }

    public static TaskContext run(JsonValue params, int tryNumber) {
        return new TaskContext("task-1", "a task", params, tryNumber, 50, TIMEOUT, Phase.RUN, null);
    }

    public static TaskContext withTimeout(TaskContext context, Duration timeout) {
        return new TaskContext(
                context.taskId(),
                context.name(),
                context.params(),
                context.tryNumber(),
                context.priority(),
                timeout,
                context.phase(),
                context.children());
    }

    /** The merge phase of task "task-1" with these children (see {@link #child}). */
    public static TaskContext merge(JsonValue params, JsonObject... children) {
        var array = Json.createArrayBuilder();
        for (JsonObject child : children) {
            array.add(child);
        }
        JsonArray built = array.build();
        return new TaskContext("task-1", "a task", params, 1, 50, TIMEOUT, Phase.MERGE, built);
    }

    /** A child as the merge phase sees it: {@code {index, id, status, result, error}}. */
    public static JsonObject child(int index, String status, JsonValue result) {
        var child = Json.createObjectBuilder()
                .add("index", index)
                .add("id", "child-" + index)
                .add("status", status)
                .add("result", result == null ? JsonValue.NULL : result);
        if ("SUCCEEDED".equals(status)) {
            child.addNull("error");
        } else {
            child.add("error", "child " + index + " failed");
        }
        return child.build();
    }

    /** {@code {"value": n}}, what the built-in split's children return. */
    public static JsonObject value(long n) {
        return Json.createObjectBuilder().add("value", n).build();
    }
}

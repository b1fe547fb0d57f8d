package dev.baton.sdk;

import jakarta.json.JsonObject;

/**
 * The task ended without a result: status {@code ERROR} (its last try failed) or {@code CANCELLED};
 * {@link #error()} is the task's error text and {@link #task()} what Baton answered about it.
 */
public class TaskFailedException extends BatonException {

    private static final long serialVersionUID = 1L;

    private final String taskId;
    private final String status;
    private final String error;
    private final transient JsonObject task;

    public TaskFailedException(String taskId, String status, String error, JsonObject task) {
        super("task " + taskId + " ended " + status + (error == null ? "" : ": " + error));
        this.taskId = taskId;
        this.status = status;
        this.error = error;
        this.task = task;
    }

    public String taskId() {
        return taskId;
    }

    /** {@code ERROR} or {@code CANCELLED}. */
    public String status() {
        return status;
    }

    /** The task's error, or null. */
    public String error() {
        return error;
    }

    /** The task (or result) document Baton answered. */
    public JsonObject task() {
        return task;
    }
}

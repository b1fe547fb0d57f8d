package dev.baton.sdk;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;

/** What a {@link TaskHandler} knows about the task it runs, and how it talks back (progress, split). */
public final class TaskContext {

    /** Sends a progress report; throws {@link LeaseLostException} when the task is no longer ours. */
    @FunctionalInterface
    interface ProgressSink {
        void progress(RemoteTask task, int percent, String message);
    }

    private final RemoteTask task;
    private final ProgressSink progress;
    private final RunningTask running;

    TaskContext(RemoteTask task, ProgressSink progress, RunningTask running) {
        this.task = task;
        this.progress = progress;
        this.running = running;
    }

    public String taskId() {
        return task.id();
    }

    /** The attempt number, 1 for the first try. */
    public int tryNumber() {
        return task.tryNumber();
    }

    public String handler() {
        return task.handler();
    }

    /** The task's name, or null. */
    public String name() {
        return task.name();
    }

    public int priority() {
        return task.priority();
    }

    /** The attempt's time limit in seconds (0 when Baton gave none). */
    public int timeoutSeconds() {
        return task.timeoutSeconds();
    }

    /** The params as JSON. */
    public JsonValue params() {
        return task.params();
    }

    /** The params as an object (empty when they are not one). */
    public JsonObject paramsObject() {
        return task.params() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The params read with JSON-B, e.g. as a record. */
    public <T> T params(Class<T> type) {
        return JsonCodec.fromJson(task.params(), type);
    }

    /** The task as the poll answered it. */
    public JsonObject task() {
        return task.json();
    }

    /**
     * Reports progress (stored on the task, shown in {@code GET /api/tasks/{id}}; it also extends the lease).
     *
     * @param percent 0–100
     * @throws LeaseLostException when the task is no longer this worker's: stop working on it
     */
    public void progress(int percent, String message) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 0 and 100 (was " + percent + ")");
        }
        if (running.lost()) {
            throw new LeaseLostException("task " + task.id() + " is no longer this worker's");
        }
        progress.progress(task, percent, message);
    }

    /** True once Baton took the task away (cancelled or revived elsewhere); the thread is interrupted too. */
    public boolean isCancelled() {
        return running.lost();
    }

    /** Return this from the handler to split the task into children (merged back by Baton). */
    public Split split(List<Child> children) {
        return new Split(children);
    }

    public Split split(Child... children) {
        return new Split(Arrays.asList(children));
    }

    @Override
    public String toString() {
        return "TaskContext[" + task.id() + " " + task.handler() + " try " + task.tryNumber() + "]";
    }
}

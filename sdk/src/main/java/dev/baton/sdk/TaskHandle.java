package dev.baton.sdk;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A submitted task (what {@link Client#queue} answers): its id and the task as Baton answered the
 * submission. A JMS submission knows its task id only once Baton replied (when the task ended); until
 * then {@link #id()} is null and {@link #correlationId()} names it.
 */
public final class TaskHandle {

    private volatile String id;
    private final JsonObject submitted;
    private final String correlationId;
    private final CompletableFuture<JsonObject> reply;

    private TaskHandle(String id, JsonObject submitted, String correlationId, CompletableFuture<JsonObject> reply) {
        this.id = id;
        this.submitted = submitted;
        this.correlationId = correlationId;
        this.reply = reply;
    }

    /** The handle of a task known by id (e.g. one submitted elsewhere). */
    public static TaskHandle of(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a task id is required");
        }
        return new TaskHandle(id, null, null, null);
    }

    static TaskHandle rest(JsonObject task) {
        String id = JsonCodec.text(task, "id");
        if (id == null) {
            throw new BatonException("the submission answer has no task id: " + task);
        }
        return new TaskHandle(id, task, null, null);
    }

    static TaskHandle jms(String correlationId, CompletableFuture<JsonObject> reply) {
        TaskHandle handle = new TaskHandle(null, null, correlationId, reply);
        reply.thenAccept(task -> {
            String taskId = JsonCodec.text(task, "id");
            if (taskId != null) {
                handle.id = taskId;
            }
        });
        return handle;
    }

    /** The task id (null for a JMS submission Baton has not answered yet). */
    public String id() {
        return id;
    }

    /** The status at submission ({@code QUEUED}, or any for a repeated idempotency key); null over JMS. */
    public String submittedStatus() {
        return submitted == null ? null : JsonCodec.text(submitted, "status");
    }

    /** The task as the submission answered it (null over JMS). */
    public JsonObject submitted() {
        return submitted;
    }

    /** The JMS correlation id of the submission (null over REST). */
    public String correlationId() {
        return correlationId;
    }

    boolean viaJms() {
        return reply != null;
    }

    /**
     * Waits until {@code deadline} (null: without limit) for Baton's JMS reply: the task JSON.
     *
     * @throws WaitTimeoutException when no reply came in time
     */
    JsonObject awaitReply(Instant deadline) {
        try {
            if (deadline == null) {
                return reply.get();
            }
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            return reply.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new WaitTimeoutException(
                    null, "no JMS reply for submission " + correlationId + " in time: the task has not ended");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof BatonException baton
                    ? baton
                    : new BatonException("JMS reply failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatonException("interrupted while waiting for task " + this, e);
        }
    }

    @Override
    public String toString() {
        return "TaskHandle[" + (id != null ? id : "jms " + correlationId) + "]";
    }
}

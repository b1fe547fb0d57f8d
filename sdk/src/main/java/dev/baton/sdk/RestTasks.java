package dev.baton.sdk;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The {@link Client}'s REST path to the task API: submit ({@code POST /api/tasks}, retried only when a
 * repeat cannot create a second task), await a result by long polls of at most 60 s
 * ({@code GET /api/tasks/{id}/result?wait=}), read and cancel a task.
 */
final class RestTasks {

    /** The longest wait of one HTTP request; longer waits are several requests. */
    private static final long MAX_WAIT_SECONDS = 60;

    private final Transport http;

    RestTasks(Transport http) {
        this.http = http;
    }

    Transport http() {
        return http;
    }

    /** Submits and answers the task as Baton answered the submission ({@code QUEUED}, …). */
    JsonObject submit(JsonObject submission, boolean idempotent) {
        return submit(submission, idempotent, -1).object();
    }

    /** Submits, waiting up to 60 s in the same request, then awaits the result without limit. */
    <T> T play(JsonObject submission, boolean idempotent, Class<T> type) {
        Transport.Response response = submit(submission, idempotent, MAX_WAIT_SECONDS);
        JsonObject task = response.object();
        if (response.status() == 200 && TaskOutcome.ended(task)) {
            return TaskOutcome.of(task, type);
        }
        return result(TaskHandle.rest(task).id(), null, null, type);
    }

    /**
     * Awaits the result of task {@code id} until {@code deadline} (null: without limit; {@code timeout} is
     * only for the message).
     *
     * @throws TaskFailedException when the task ended ERROR or CANCELLED
     * @throws WaitTimeoutException when it had not ended in time
     */
    <T> T result(String id, Instant deadline, Duration timeout, Class<T> type) {
        while (true) {
            long waitSeconds = MAX_WAIT_SECONDS;
            if (deadline != null) {
                long millis = Duration.between(Instant.now(), deadline).toMillis();
                waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(0, (millis + 999) / 1000));
            }
            Transport.Response response = http.send(
                    "GET",
                    "/api/tasks/" + id + "/result?wait=" + waitSeconds,
                    null,
                    Map.of(),
                    Duration.ofSeconds(waitSeconds + 30),
                    Transport.Retry.IDEMPOTENT);
            if (response.status() == 200) {
                return TaskOutcome.of(response.object(), type);
            }
            if (response.status() != 202) {
                throw response.problem();
            }
            if (deadline != null && !Instant.now().isBefore(deadline)) {
                throw new WaitTimeoutException(id, "task " + id + " has not ended within " + timeout);
            }
        }
    }

    /** {@code GET /api/tasks/{id}}. */
    JsonObject task(String id) {
        return http.require("GET", "/api/tasks/" + id, null, Duration.ofSeconds(30), Transport.Retry.IDEMPOTENT)
                .object();
    }

    /** {@code POST /api/tasks/{id}/cancel}. */
    JsonObject cancel(String id) {
        return http.require(
                        "POST",
                        "/api/tasks/" + id + "/cancel",
                        null,
                        Duration.ofSeconds(30),
                        Transport.Retry.IDEMPOTENT)
                .object();
    }

    private Transport.Response submit(JsonObject submission, boolean idempotent, long waitSeconds) {
        String path = "/api/tasks" + (waitSeconds >= 0 ? "?wait=" + waitSeconds : "");
        // a repeat is harmless only under an idempotency key
        Transport.Retry retry = idempotent ? Transport.Retry.IDEMPOTENT : Transport.Retry.ONCE;
        return http.require("POST", path, submission, Duration.ofSeconds(Math.max(0, waitSeconds) + 30), retry);
    }
}

package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;

/**
 * What a worker tells Baton about a task it runs: {@code complete} or {@code fail} (retried up to
 * {@code reportAttempts} times; a refused result becomes a failure; a {@code 409 lease-lost} or 404 drops
 * it) and {@code progress} (a lost lease takes the task away and throws {@link LeaseLostException}).
 */
final class TaskReports {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final Transport http;
    private final WorkerSettings settings;
    private final WorkerSession session;
    private final TaskSlots slots;

    TaskReports(Transport http, WorkerSettings settings, WorkerSession session, TaskSlots slots) {
        this.http = http;
        this.settings = settings;
        this.session = session;
        this.slots = slots;
    }

    /** Reports the outcome {@code kind} ({@code complete} or {@code fail}) with {@code body}; never throws. */
    void report(RunningTask runningTask, String kind, JsonObject body) {
        RemoteTask task = runningTask.task();
        String path = "/api/workers/" + runningTask.workerId() + "/tasks/" + task.id() + "/";
        try {
            Transport.Response response = http.send(
                    "POST",
                    path + kind,
                    body,
                    Map.of(),
                    Duration.ofSeconds(30),
                    new Transport.Retry(true, settings.reportAttempts()));
            if (response.ok()) {
                return;
            }
            if (response.status() == 409 || response.status() == 404) {
                LOG.log(
                        Level.INFO,
                        "task {0}: {1} refused ({2}): the lease is lost, result dropped",
                        task.id(),
                        kind,
                        response.problem().getMessage());
                return;
            }
            BatonProblemException problem = response.problem();
            if (kind.equals("complete")) {
                // e.g. a result too large: fail the attempt rather than leave it to the lease
                LOG.log(
                        Level.WARNING,
                        "task {0}: result refused ({1}): reporting a failure",
                        task.id(),
                        problem.getMessage());
                JsonObjectBuilder fail = Json.createObjectBuilder();
                if (task.lease() != null) {
                    fail.add("lease", task.lease());
                }
                fail.add("error", "result refused by Baton: " + problem.getMessage())
                        .add("timedOut", false);
                report(runningTask, "fail", fail.build());
            } else {
                LOG.log(Level.WARNING, "task {0}: {1} refused: {2}", task.id(), kind, problem.getMessage());
            }
        } catch (BatonException e) {
            LOG.log(
                    Level.ERROR,
                    "task {0}: could not report {1} ({2}); Baton re-queues it when the lease ends",
                    task.id(),
                    kind,
                    e.getMessage());
        }
    }

    /**
     * Sends a handler's progress (a {@link TaskContext.ProgressSink}); other failures are only logged.
     *
     * @throws LeaseLostException when Baton answers that the task is no longer this worker's
     */
    void progress(RemoteTask task, int percent, String message) {
        RunningTask runningTask = slots.get(task.id());
        String workerId = runningTask != null ? runningTask.workerId() : session.id();
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (task.lease() != null) {
            body.add("lease", task.lease());
        }
        body.add("percent", percent);
        if (message != null) {
            body.add("message", message);
        }
        try {
            Transport.Response response = http.send(
                    "POST",
                    "/api/workers/" + workerId + "/tasks/" + task.id() + "/progress",
                    body.build(),
                    Map.of(),
                    Duration.ofSeconds(10),
                    Transport.Retry.IDEMPOTENT.attempts(3));
            if (response.status() == 409 || response.status() == 404) {
                if (runningTask != null) {
                    runningTask.lose();
                }
                throw new LeaseLostException("task " + task.id() + " is no longer this worker's: "
                        + response.problem().getMessage());
            }
            if (!response.ok()) {
                LOG.log(
                        Level.WARNING,
                        "task {0}: progress refused: {1}",
                        task.id(),
                        response.problem().getMessage());
            }
        } catch (LeaseLostException e) {
            throw e;
        } catch (BatonException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "task {0}: progress not sent: {1}", task.id(), e.getMessage());
        }
    }
}

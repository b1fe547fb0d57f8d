package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The worker's heartbeat: every {@code heartbeatSeconds} of the registration, {@code POST
 * /api/workers/{id}/heartbeat} with the ids it runs. The answer's status may drain or resume the worker,
 * its {@code cancel} list takes tasks away (their threads are interrupted, nothing is reported) and its
 * {@code commands} go to {@link CommandAnswers}. A 404 (Baton forgot the worker) registers again.
 */
final class Heartbeats {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final Transport http;
    private final WorkerSettings settings;
    private final WorkerSession session;
    private final WorkerStatus status;
    private final TaskSlots slots;
    private final CommandAnswers commands;
    private final WorkerLifecycle lifecycle;
    private final WorkerThreads threads;
    private ScheduledFuture<?> schedule;

    Heartbeats(
            Transport http,
            WorkerSettings settings,
            WorkerSession session,
            WorkerStatus status,
            TaskSlots slots,
            CommandAnswers commands,
            WorkerLifecycle lifecycle,
            WorkerThreads threads) {
        this.http = http;
        this.settings = settings;
        this.session = session;
        this.status = status;
        this.slots = slots;
        this.commands = commands;
        this.lifecycle = lifecycle;
        this.threads = threads;
    }

    /** Starts beating at the period the registration asked for (at least 1 s). */
    void start() {
        long period = Math.max(1, session.heartbeatSeconds()) * 1000L;
        schedule = threads.timers().scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** No further heartbeats (one in progress finishes). */
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void beat() {
        String workerId = session.id();
        if (workerId == null || lifecycle.terminated()) {
            return;
        }
        try {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            slots.heldBy(workerId).forEach(ids::add);
            Transport.Response response = http.send(
                    "POST",
                    "/api/workers/" + workerId + "/heartbeat",
                    Json.createObjectBuilder().add("running", ids).build(),
                    Map.of(),
                    Duration.ofSeconds(Math.max(5, session.heartbeatSeconds())),
                    Transport.Retry.IDEMPOTENT.attempts(2));
            if (response.status() == 404) {
                session.reregister(workerId);
                return;
            }
            if (!response.ok()) {
                LOG.log(
                        Level.WARNING,
                        "worker {0}: heartbeat refused: {1}",
                        settings.name(),
                        response.problem().getMessage());
                return;
            }
            JsonObject answer = response.object();
            status.update(JsonCodec.text(answer, "status"));
            cancel(answer.get("cancel"));
            JsonValue commandList = answer.get("commands");
            if (commandList != null && commandList.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue command : commandList.asJsonArray()) {
                    if (command instanceof JsonObject object) {
                        commands.offer(workerId, object);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!lifecycle.stopping()) {
                LOG.log(Level.WARNING, "worker {0}: heartbeat failed: {1}", settings.name(), e.getMessage());
            }
        }
    }

    /** Takes away the running tasks the answer's {@code cancel} array names. */
    private void cancel(JsonValue cancel) {
        if (cancel == null || cancel.getValueType() != JsonValue.ValueType.ARRAY) {
            return;
        }
        for (JsonValue taskId : cancel.asJsonArray()) {
            if (taskId instanceof JsonString text) {
                RunningTask task = slots.get(text.getString());
                if (task != null) {
                    LOG.log(Level.INFO, "task {0} cancelled by Baton: stopping it", text.getString());
                    task.lose();
                }
            }
        }
    }
}

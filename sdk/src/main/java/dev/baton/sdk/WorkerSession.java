package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The worker's registration with Baton: {@code POST /api/workers} at start (retried while Baton is
 * unreachable), again when Baton forgot it (a 404 on poll or heartbeat), and {@code DELETE} at shutdown.
 * Holds what the registration answered: the id and the heartbeat and lease periods.
 */
final class WorkerSession {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final Transport http;
    private final WorkerSettings settings;
    private final WorkerStatus status;
    private final WorkerLifecycle lifecycle;

    private volatile String id;
    private volatile int heartbeatSeconds;
    private volatile int leaseSeconds;

    WorkerSession(Transport http, WorkerSettings settings, WorkerStatus status, WorkerLifecycle lifecycle) {
        this.http = http;
        this.settings = settings;
        this.status = status;
        this.lifecycle = lifecycle;
    }

    /** The registration's id ({@code w-…}); null before the first registration. */
    String id() {
        return id;
    }

    int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    int leaseSeconds() {
        return leaseSeconds;
    }

    String base() {
        return http.base();
    }

    /**
     * Registers, retrying transient failures with backoff until {@code timeout} passed.
     *
     * @throws BatonProblemException when Baton refuses (401, 403, 400/422)
     * @throws BatonException when Baton stayed unreachable
     */
    void register(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (int attempt = 1; ; attempt++) {
            try {
                registerOnce();
                return;
            } catch (BatonProblemException e) {
                throw e;
            } catch (BatonException e) {
                if (Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
                    throw new BatonException(
                            "could not register worker " + settings.name() + " at " + http.base() + ": "
                                    + e.getMessage(),
                            e);
                }
                LOG.log(
                        Level.WARNING,
                        "registering worker {0} failed ({1}), retrying",
                        settings.name(),
                        e.getMessage());
                sleep(settings.backoff().delay(attempt));
            }
        }
    }

    /** Baton no longer knows the registration {@code staleId} (404): register again, once per stale id. */
    synchronized void reregister(String staleId) {
        if (!staleId.equals(id) || lifecycle.stopping()) {
            return;
        }
        LOG.log(
                Level.WARNING,
                "Baton does not know worker {0} ({1}) any more: registering again",
                settings.name(),
                staleId);
        try {
            registerOnce();
        } catch (BatonException e) {
            LOG.log(Level.WARNING, "registering worker {0} again failed: {1}", settings.name(), e.getMessage());
        }
    }

    /** Deregisters (Baton re-queues what the worker still held); failures are only logged. */
    void deregister() {
        String workerId = id;
        if (workerId == null) {
            return;
        }
        try {
            boolean interrupted = Thread.interrupted();
            Transport.Response response = http.send(
                    "DELETE",
                    "/api/workers/" + workerId,
                    null,
                    Map.of(),
                    Duration.ofSeconds(10),
                    Transport.Retry.IDEMPOTENT);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (response.ok() || response.status() == 404) {
                LOG.log(Level.INFO, "worker {0} ({1}) deregistered", settings.name(), workerId);
            } else {
                LOG.log(
                        Level.WARNING,
                        "deregistering worker {0} answered {1}",
                        settings.name(),
                        response.problem().getMessage());
            }
        } catch (BatonException e) {
            LOG.log(Level.WARNING, "deregistering worker {0} failed: {1}", settings.name(), e.getMessage());
        }
    }

    private void registerOnce() {
        JsonArrayBuilder names = Json.createArrayBuilder();
        settings.handlers().keySet().stream().sorted().forEach(names::add);
        JsonObject body = Json.createObjectBuilder()
                .add("name", settings.name())
                .add("host", settings.host())
                .add("handlers", names)
                .add("threads", settings.threads())
                .build();
        Transport.Response response =
                http.send("POST", "/api/workers", body, Map.of(), Duration.ofSeconds(30), Transport.Retry.IDEMPOTENT);
        if (!response.ok()) {
            throw response.problem();
        }
        JsonObject worker = response.object();
        String newId = JsonCodec.text(worker, "id");
        if (newId == null) {
            throw new BatonException("the registration answer has no id: " + worker);
        }
        heartbeatSeconds = JsonCodec.integer(worker, "heartbeatSeconds", 5);
        leaseSeconds = JsonCodec.integer(worker, "leaseSeconds", 15);
        status.update(JsonCodec.text(worker, "status"));
        id = newId;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatonException("interrupted", e);
        }
    }
}

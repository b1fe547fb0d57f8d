package dev.baton.sdk;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker's poller thread: long-polls {@code POST /api/workers/{id}/poll} for as many tasks as there
 * are free {@link TaskSlots} (never more, at most 100 at once, none while all are busy or the worker is
 * drained) and hands them to {@link TaskExecution}. A failed poll is retried with backoff; a 404 (Baton
 * forgot the worker) registers again.
 */
final class Poller {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final int MAX_POLL = 100;

    private final Transport http;
    private final WorkerSettings settings;
    private final WorkerSession session;
    private final WorkerStatus status;
    private final TaskSlots slots;
    private final TaskExecution execution;
    private final WorkerLifecycle lifecycle;
    private final WorkerThreads threads;
    private Thread thread;

    Poller(
            Transport http,
            WorkerSettings settings,
            WorkerSession session,
            WorkerStatus status,
            TaskSlots slots,
            TaskExecution execution,
            WorkerLifecycle lifecycle,
            WorkerThreads threads) {
        this.http = http;
        this.settings = settings;
        this.session = session;
        this.status = status;
        this.slots = slots;
        this.execution = execution;
        this.lifecycle = lifecycle;
        this.threads = threads;
    }

    void start() {
        thread = threads.thread("poller", this::loop);
        thread.start();
    }

    /** Stops polling (an open long poll is aborted) and waits up to 30 s for the thread to end. */
    void stop() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            status.wake();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void loop() {
        int failures = 0;
        while (!lifecycle.stopping()) {
            int max;
            try {
                status.awaitUndrained(lifecycle::stopping);
                max = slots.take(MAX_POLL);
            } catch (InterruptedException e) {
                return;
            }
            List<RemoteTask> tasks;
            String workerId = session.id();
            try {
                tasks = poll(workerId, max);
                failures = 0;
            } catch (BatonException e) {
                slots.release(max);
                if (lifecycle.stopping() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                failures++;
                LOG.log(Level.WARNING, "worker {0}: poll failed ({1}), retrying", settings.name(), e.getMessage());
                try {
                    Thread.sleep(settings.backoff().delay(failures).toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            slots.release(max - tasks.size());
            for (RemoteTask task : tasks) {
                execution.launch(task, workerId);
            }
        }
    }

    private List<RemoteTask> poll(String workerId, int max) {
        int waitSeconds = settings.pollWaitSeconds();
        Transport.Response response = http.send(
                "POST",
                "/api/workers/" + workerId + "/poll?max=" + max + "&wait=" + waitSeconds,
                null,
                Map.of(),
                Duration.ofSeconds(waitSeconds + 30L),
                Transport.Retry.ONCE.attempts(1));
        if (response.status() == 404) {
            session.reregister(workerId);
            return List.of();
        }
        if (!response.ok()) {
            throw response.problem();
        }
        JsonObject answer = response.object();
        status.update(JsonCodec.text(answer, "status"));
        List<RemoteTask> tasks = new ArrayList<>();
        JsonValue array = answer.get("tasks");
        if (array != null && array.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue task : array.asJsonArray()) {
                tasks.add(RemoteTask.of(task.asJsonObject()));
            }
        }
        return tasks;
    }
}

package dev.baton.sdk;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a worker: stop polling (aborting an open long poll), let the tasks in flight finish and report
 * within the grace (then take them away and interrupt them; Baton re-queues them), stop heartbeating,
 * deregister and stop every thread. Runs once; a second caller waits for the first one's shutdown.
 */
final class GracefulShutdown {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final WorkerSettings settings;
    private final WorkerLifecycle lifecycle;
    private final WorkerThreads threads;
    private final WorkerSession session;
    private final TaskSlots slots;
    private final Poller poller;
    private final Heartbeats heartbeats;

    GracefulShutdown(
            WorkerSettings settings,
            WorkerLifecycle lifecycle,
            WorkerThreads threads,
            WorkerSession session,
            TaskSlots slots,
            Poller poller,
            Heartbeats heartbeats) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.threads = threads;
        this.session = session;
        this.slots = slots;
        this.poller = poller;
        this.heartbeats = heartbeats;
    }

    void shutdown(Duration grace) {
        if (!lifecycle.beginStopping()) {
            lifecycle.awaitTermination();
            return;
        }
        LOG.log(
                Level.INFO,
                "worker {0} ({1}) shutting down: {2} tasks in flight",
                settings.name(),
                session.id(),
                slots.size());
        ExecutorService tasks = threads.tasks();
        try {
            poller.stop();
            tasks.shutdown();
            if (!tasks.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(
                        Level.WARNING,
                        "worker {0}: {1} tasks still running after {2}: interrupting them (Baton re-queues them)",
                        settings.name(),
                        slots.size(),
                        grace);
                slots.loseAll();
                tasks.shutdownNow();
                tasks.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slots.loseAll();
            tasks.shutdownNow();
        } finally {
            heartbeats.stop();
            session.deregister();
            terminate();
        }
    }

    /** Stops every thread at once and marks the worker terminated (also after a failed start). */
    void terminate() {
        threads.shutdownNow();
        lifecycle.markTerminated();
    }
}

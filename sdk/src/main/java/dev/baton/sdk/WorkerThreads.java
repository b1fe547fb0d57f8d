package dev.baton.sdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one worker, named {@code baton-worker-<name>-…}: the task pool ({@code threads}
 * non-daemon threads, so a worker keeps the JVM alive), two daemon timers shared by heartbeats and task
 * timeouts (a slow heartbeat call must not delay a timeout), and one daemon thread answering commands.
 */
final class WorkerThreads {

    private final WorkerSettings settings;
    private final ExecutorService tasks;
    private final ScheduledExecutorService timers;
    private final ExecutorService commands;

    WorkerThreads(WorkerSettings settings) {
        this.settings = settings;
        this.tasks = Executors.newFixedThreadPool(settings.threads(), named("task", false));
        this.timers = Executors.newScheduledThreadPool(2, named("timer", true));
        this.commands = Executors.newSingleThreadExecutor(named("command", true));
    }

    ExecutorService tasks() {
        return tasks;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    ExecutorService commands() {
        return commands;
    }

    /** A new (not started) thread {@code baton-worker-<name>-<role>}, e.g. the poller. */
    Thread thread(String role, Runnable body) {
        return new Thread(body, settings.threadName(role));
    }

    /** Stops every pool at once, interrupting what still runs. */
    void shutdownNow() {
        tasks.shutdownNow();
        timers.shutdownNow();
        commands.shutdownNow();
    }

    private ThreadFactory named(String role, boolean daemon) {
        String prefix = settings.threadName(role) + "-";
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(daemon);
            return thread;
        };
    }
}

package dev.baton.handlers.control;

import dev.baton.handlers.scripts.ScriptRunner;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import dev.baton.infrastructure.config.BatonConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a handler for one attempt and always returns an outcome: exceptions, timeouts and cancels
 * become failures. Java handlers run on the calling thread, which a watchdog interrupts at the
 * deadline; scripts run as child processes that are killed at the deadline.
 */
@ApplicationScoped
public class HandlerInvoker {

    @Inject
    HandlerRegistry registry;

    @Inject
    RunningTasks running;

    @Inject
    BatonConfig config;

    @Resource
    ManagedScheduledExecutorService scheduler;

    public HandlerOutcome invoke(String handlerName, TaskContext context) {
        Optional<TaskHandler> java = registry.javaHandler(handlerName);
        if (java.isPresent()) {
            return invokeJava(java.get(), context);
        }
        Optional<Path> script = registry.script(handlerName);
        if (script.isPresent()) {
            try {
                return new ScriptRunner(
                                registry.workspace().root(),
                                config.maxScriptOutputBytes(),
                                config.scriptApiEnvironment())
                        .run(script.get(), context, process -> running.processStarted(context.taskId(), process));
            } finally {
                running.finished(context.taskId());
            }
        }
        if (context.phase() == Phase.MERGE && registry.servedByWorkers(handlerName)) {
            // a remote worker's split: workers run the task, Baton merges the children by default
            return TaskHandler.defaultMerge(context);
        }
        return HandlerOutcome.failure("handler '" + handlerName + "' is not registered (any more)");
    }

    private HandlerOutcome invokeJava(TaskHandler handler, TaskContext context) {
        Watchdog watchdog = new Watchdog(Thread.currentThread());
        running.started(context.taskId(), watchdog::cancel);
        ScheduledFuture<?> timer =
                scheduler.schedule(watchdog::timeout, context.timeout().toMillis(), TimeUnit.MILLISECONDS);
        HandlerOutcome outcome;
        try {
            outcome = context.phase() == Phase.MERGE ? handler.merge(context) : handler.handle(context);
            if (outcome == null) {
                outcome = HandlerOutcome.failure("handler '" + handler.name() + "' returned no outcome");
            }
        } catch (InterruptedException e) {
            outcome = HandlerOutcome.failure("interrupted");
        } catch (Exception | LinkageError | StackOverflowError e) {
            outcome = HandlerOutcome.failure(describe(e));
        } finally {
            timer.cancel(false);
            watchdog.disarm();
            running.finished(context.taskId());
            Thread.interrupted(); // never leak an interrupt to the next task on this thread
        }
        if (watchdog.timedOut()) {
            return HandlerOutcome.timeout("timed out after " + context.timeout().toSeconds() + " s");
        }
        if (watchdog.cancelled()) {
            return HandlerOutcome.failure("cancelled while running");
        }
        return outcome;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Interrupts the handler thread at most once, and never after the handler returned. */
    private static final class Watchdog {
        private final Thread thread;
        private boolean armed = true;
        private boolean timedOut;
        private boolean cancelled;

        Watchdog(Thread thread) {
            this.thread = thread;
        }

        synchronized void timeout() {
            if (armed) {
                armed = false;
                timedOut = true;
                thread.interrupt();
            }
        }

        synchronized void cancel() {
            if (armed) {
                armed = false;
                cancelled = true;
                thread.interrupt();
            }
        }

        synchronized void disarm() {
            armed = false;
        }

        synchronized boolean timedOut() {
            return timedOut;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }
    }
}

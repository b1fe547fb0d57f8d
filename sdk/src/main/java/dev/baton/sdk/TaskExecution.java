package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs polled tasks on the worker's task threads: each in its slot of {@link TaskSlots}, its handler
 * interrupted when the task's {@code timeoutSeconds} pass (then reported {@code timedOut}) or when Baton
 * takes it away (then nothing is reported), and its outcome handed to {@link TaskReports} as
 * {@code complete} or {@code fail}.
 */
final class TaskExecution {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final WorkerSettings settings;
    private final WorkerThreads threads;
    private final TaskSlots slots;
    private final TaskReports reports;

    TaskExecution(WorkerSettings settings, WorkerThreads threads, TaskSlots slots, TaskReports reports) {
        this.settings = settings;
        this.threads = threads;
        this.slots = slots;
        this.reports = reports;
    }

    /** Runs {@code task}, polled under the registration {@code workerId}, in a slot the poller took for it. */
    void launch(RemoteTask task, String workerId) {
        RunningTask runningTask = new RunningTask(task, workerId);
        slots.hold(runningTask);
        try {
            threads.tasks().execute(() -> run(runningTask));
        } catch (RejectedExecutionException e) {
            // shutting down: Baton re-queues it when the worker deregisters
            slots.finished(task.id());
        }
    }

    private void run(RunningTask runningTask) {
        RemoteTask task = runningTask.task();
        Thread.interrupted();
        runningTask.start(Thread.currentThread());
        ScheduledFuture<?> timeout = null;
        if (task.timeoutSeconds() > 0) {
            timeout = threads.timers().schedule(runningTask::timeOut, task.timeoutSeconds(), TimeUnit.SECONDS);
        }
        String kind;
        JsonObjectBuilder report = Json.createObjectBuilder();
        if (task.lease() != null) {
            report.add("lease", task.lease());
        }
        try {
            TaskHandler handler = settings.handlers().get(task.handler());
            if (handler == null) {
                throw new IllegalStateException(
                        "worker " + settings.name() + " has no handler '" + task.handler() + "'");
            }
            Object result = handler.handle(new TaskContext(task, reports::progress, runningTask));
            if (runningTask.timedOut()) {
                kind = "fail";
                report.add("error", timedOutMessage(task)).add("timedOut", true);
            } else {
                JsonValue json = JsonCodec.toJson(result);
                kind = "complete";
                report.add("result", json);
            }
        } catch (TaskTimedOutException e) {
            kind = "fail";
            report.add("error", ErrorText.of(e)).add("timedOut", true);
        } catch (Throwable e) {
            kind = "fail";
            if (runningTask.timedOut()) {
                report.add("error", timedOutMessage(task)).add("timedOut", true);
            } else {
                report.add("error", ErrorText.of(e)).add("timedOut", false);
            }
            if (!(e instanceof Exception) && !runningTask.lost()) {
                LOG.log(Level.WARNING, "task " + task.id() + " (" + task.handler() + ") failed with an error", e);
            }
        } finally {
            runningTask.finish();
            if (timeout != null) {
                timeout.cancel(false);
            }
            Thread.interrupted();
        }
        try {
            if (runningTask.lost()) {
                LOG.log(
                        Level.INFO,
                        "task {0} was taken away from worker {1}: nothing reported",
                        task.id(),
                        settings.name());
            } else {
                reports.report(runningTask, kind, report.build());
            }
        } finally {
            slots.finished(task.id());
        }
    }

    private static String timedOutMessage(RemoteTask task) {
        return "timed out after " + task.timeoutSeconds() + " s";
    }
}

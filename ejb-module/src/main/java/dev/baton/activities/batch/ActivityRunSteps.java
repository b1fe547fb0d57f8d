package dev.baton.activities.batch;

import dev.baton.activities.control.ActivityRunEnded;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.AttemptOutcome;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The transactions of the activity-run job's artifacts (each call is one): start a plugin's task, record
 * its end, record the job's execution, end the run.
 */
@Stateless
public class ActivityRunSteps {

    /** Plugin tasks run once: a failure or timeout is the plugin's Error, never retried. */
    static final int MAX_TRIES = 1;

    @Inject
    ActivityRuns runs;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    TaskStore tasks;

    @Inject
    Event<ActivityRunEnded> ended;

    /** The task origin of a run's plugin. */
    public static String origin(String runId, String plugin) {
        return "activity-run:" + runId + ":" + plugin;
    }

    public List<String> plugins(String runId, PluginStage stage) {
        return runs.pluginNames(runId, stage);
    }

    /**
     * Submits the plugin's task if it is Pending (params = the run's metadata, timeout = the plugin's
     * timeoutSeconds) and returns the task id; an InProgress plugin's existing task id (a restart waits
     * for it instead of submitting another, and retries it if the crash interrupted it); null when the
     * plugin already ended.
     */
    public String start(String runId, String plugin) {
        ActivityRun run = runs.run(runId);
        ActivityPluginRun p = runs.lockPlugin(runId, plugin).orElseThrow();
        switch (p.getStatus()) {
            case PENDING -> {
                TaskRequest request = new TaskRequest(
                        p.getHandler(),
                        JsonDocuments.parseStored(run.getMetadata()),
                        TaskRequest.DEFAULT_PRIORITY,
                        run.getActivity() + "/" + plugin,
                        MAX_TRIES,
                        p.getTimeoutSeconds() == null ? TaskRequest.DEFAULT_TIMEOUT_SECONDS : p.getTimeoutSeconds(),
                        null);
                Task task = lifecycle.submit(request, run.getSubmittedBy(), null, null, origin(runId, plugin));
                p.started(task.getId(), System.currentTimeMillis());
                return task.getId();
            }
            case IN_PROGRESS -> {
                // A restarted job: the crash that stopped it interrupted the task too (its one try is
                // used up), so run it again rather than fail the plugin for the node's crash.
                tasks.find(p.getTaskId())
                        .filter(t -> t.getStatus() == TaskStatus.ERROR)
                        .filter(t -> tasks.latestAttempt(t.getId())
                                .map(a -> a.getOutcome() == AttemptOutcome.INTERRUPTED)
                                .orElse(false))
                        .ifPresent(t -> lifecycle.retry(t.getId()));
                return p.getTaskId();
            }
            default -> {
                return null;
            }
        }
    }

    /** Records the end of the plugin's task (if it ended) and returns where the plugin stands. */
    public PluginOutcome finish(String runId, String plugin) {
        ActivityPluginRun p = runs.lockPlugin(runId, plugin).orElseThrow();
        if (p.getStatus() == PluginRunStatus.IN_PROGRESS) {
            Task task = tasks.find(p.getTaskId()).orElse(null);
            if (task == null) {
                p.ended(PluginRunStatus.ERROR, "its task " + p.getTaskId() + " was deleted", now());
            } else if (task.getStatus() == TaskStatus.SUCCEEDED) {
                p.ended(PluginRunStatus.COMPLETE, null, now());
            } else if (task.getStatus().isTerminal()) {
                String message = task.getError() != null
                        ? task.getError()
                        : "its task ended " + task.getStatus().name();
                p.ended(PluginRunStatus.ERROR, message, now());
            }
        }
        return outcome(p);
    }

    /** Where the plugin stands, without changing anything. */
    public PluginOutcome outcome(String runId, String plugin) {
        return outcome(runs.lockPlugin(runId, plugin).orElseThrow());
    }

    private static PluginOutcome outcome(ActivityPluginRun p) {
        return new PluginOutcome(p.getPlugin(), p.getStatus(), p.isOptional(), p.getMessage());
    }

    /** The run's job (or its restart) has this execution id; the run is RUNNING. */
    public void recordExecution(String runId, long executionId) {
        runs.lock(runId).ifPresent(run -> {
            if (!run.getStatus().isTerminal()) {
                run.running(executionId);
            }
        });
    }

    /**
     * Ends the run after its job ended: FAILED with the message of the first required plugin in Error,
     * COMPLETED when every plugin ended, FAILED with {@code jobFailure} when the job failed otherwise;
     * a stopped job leaves the run RUNNING (it may be restarted).
     */
    public ActivityRunStatus end(String runId, String jobFailure) {
        ActivityRun run = runs.lock(runId).orElse(null);
        if (run == null || run.getStatus().isTerminal()) {
            return run == null ? null : run.getStatus();
        }
        ActivityRunStatus status = decide(run, jobFailure);
        if (status.isTerminal()) {
            ended.fire(new ActivityRunEnded(runId, status, run.getOrigin()));
        }
        return status;
    }

    private ActivityRunStatus decide(ActivityRun run, String jobFailure) {
        String runId = run.getId();
        List<ActivityPluginRun> plugins = runs.plugins(runId);
        for (ActivityPluginRun p : plugins) {
            if (p.getStatus() == PluginRunStatus.ERROR && !p.isOptional()) {
                run.end(ActivityRunStatus.FAILED, "plugin '" + p.getPlugin() + "' failed: " + p.getMessage(), now());
                return run.getStatus();
            }
        }
        if (plugins.stream().allMatch(p -> p.getStatus().isTerminal())) {
            run.end(ActivityRunStatus.COMPLETED, null, now());
        } else if (jobFailure != null) {
            run.end(ActivityRunStatus.FAILED, jobFailure, now());
        }
        return run.getStatus();
    }

    /** The ids of runs not yet ended (PENDING or RUNNING), oldest first. */
    public List<String> unfinishedRuns() {
        return runs.unfinishedIds();
    }

    /** The run, or null. */
    public ActivityRun find(String runId) {
        return runs.find(runId).orElse(null);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}

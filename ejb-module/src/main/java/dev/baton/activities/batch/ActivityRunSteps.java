package dev.baton.activities.batch;

import dev.baton.activities.control.ActivityRunEnded;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.activities.entity.PluginCompletion;
import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.tasks.control.TaskCancellation;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The transactions of the activity-run job's artifacts (each call is one): start a plugin's task, record
 * its end, record the job's execution (and its node), end the run, claim a run for recovery.
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

    @Inject
    TaskCancellation cancellation;

    @Inject
    BatonConfig config;

    /** The task origin of a run's plugin. */
    public static String origin(String runId, String plugin) {
        return "activity-run:" + runId + ":" + plugin;
    }

    public List<String> plugins(String runId, PluginStage stage) {
        return runs.pluginNames(runId, stage);
    }

    /**
     * Submits the plugin's task if it is Pending and the run has not ended (params = the run's metadata,
     * or for a {@code report} plugin {@link #reportParams}; timeout = the plugin's timeoutSeconds) and
     * returns the task id; an InProgress plugin's existing task id (a restart waits for it instead of
     * submitting another, and retries it if the crash interrupted it); null when the plugin already ended
     * or the run did (cancelled).
     */
    public String start(String runId, String plugin) {
        ActivityPluginRun p = runs.lockPlugin(runId, plugin).orElseThrow();
        ActivityRun run = runs.run(runId); // read after the plugin's lock: a cancel that locked it first has committed
        if (run.getStatus().isTerminal()) {
            return null;
        }
        switch (p.getStatus()) {
            case PENDING -> {
                JsonValue metadata = JsonDocuments.parseStored(run.getMetadata());
                TaskRequest request = new TaskRequest(
                        p.getHandler(),
                        p.getCompletion() == PluginCompletion.REPORT ? reportParams(run, p, metadata) : metadata,
                        TaskRequest.DEFAULT_PRIORITY,
                        run.getActivity() + "/" + plugin,
                        MAX_TRIES,
                        timeoutSeconds(p),
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

    /**
     * The params of a {@code report} plugin's task: what it needs to report on itself ({@code
     * activityRunId} and {@code plugin}), with the run's metadata.
     */
    static JsonObject reportParams(ActivityRun run, ActivityPluginRun p, JsonValue metadata) {
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("activityRunId", run.getId())
                .add("activity", run.getActivity())
                .add("plugin", p.getPlugin())
                .add("stage", p.getStage().json())
                .add("metadata", metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata)
                .build();
    }

    static int timeoutSeconds(ActivityPluginRun p) {
        return p.getTimeoutSeconds() == null ? TaskRequest.DEFAULT_TIMEOUT_SECONDS : p.getTimeoutSeconds();
    }

    /**
     * Records the plugin's end if it came (and returns where the plugin stands). A {@code handler}
     * plugin ends with its task: Complete with the task's result, or Error. A {@code report} plugin ends
     * by its own report; its task's failure is an Error, and so is no report within its timeout (counted
     * from its start; its task, if still running, is cancelled).
     */
    public PluginOutcome finish(String runId, String plugin) {
        ActivityPluginRun p = runs.lockPlugin(runId, plugin).orElseThrow();
        if (p.getStatus() == PluginRunStatus.IN_PROGRESS) {
            Task task = tasks.find(p.getTaskId()).orElse(null);
            long now = now();
            boolean report = p.getCompletion() == PluginCompletion.REPORT;
            if (task == null) {
                p.ended(PluginRunStatus.ERROR, "its task " + p.getTaskId() + " was deleted", now);
            } else if (task.getStatus() == TaskStatus.SUCCEEDED && !report) {
                p.ended(PluginRunStatus.COMPLETE, null, now);
                p.setResult(task.getResult());
            } else if (task.getStatus().isTerminal() && task.getStatus() != TaskStatus.SUCCEEDED) {
                String message = task.getError() != null
                        ? task.getError()
                        : "its task ended " + task.getStatus().name();
                p.ended(PluginRunStatus.ERROR, message, now);
            } else if (report && now >= p.getStartTime() + timeoutSeconds(p) * 1000L) {
                cancellation.cancelWithin(task.getId());
                p.ended(PluginRunStatus.ERROR, "did not report its completion within " + timeoutSeconds(p) + " s", now);
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

    /** The run's job (or its restart) has this execution id and runs on this node; the run is RUNNING. */
    public void recordExecution(String runId, long executionId) {
        runs.lock(runId).ifPresent(run -> {
            if (!run.getStatus().isTerminal()) {
                run.running(executionId, config.nodeName());
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

    /** The ids of runs not yet ended (PENDING or RUNNING) of this node, or of no node yet; oldest first. */
    public List<String> unfinishedRuns() {
        return runs.unfinishedIds(config.nodeName());
    }

    /**
     * Whether this node may resume the unfinished run: it owns it, or it takes a run no node owns yet
     * (one stored before runs recorded their node) under the run's lock, so no two nodes take the same.
     * A run created since {@code since} (this deployment's start) is live, not left over: its job is
     * starting or running now.
     */
    public boolean claim(String runId, long since) {
        ActivityRun run = runs.lock(runId).orElse(null);
        if (run == null || run.getStatus().isTerminal() || run.getStartTime() >= since) {
            return false;
        }
        String node = config.nodeName();
        if (run.getNode() == null) {
            run.setNode(node);
        }
        return node.equals(run.getNode());
    }

    /** The run, or null. */
    public ActivityRun find(String runId) {
        return runs.find(runId).orElse(null);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}

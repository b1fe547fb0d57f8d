package dev.baton.activities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * One plugin of one activity run: a copy of the plugin's settings when the run started (the frozen
 * plan), and its progress. {@code position} is its place in its stage's running order.
 */
@Entity
@Table(name = "baton_activity_plugin_run")
@IdClass(ActivityPluginRun.Key.class)
public class ActivityPluginRun {

    @Id
    @Column(name = "run_id", length = 36)
    private String runId;

    @Id
    @Column(name = "plugin", length = 100)
    private String plugin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PluginStage stage;

    @Column(name = "plugin_order")
    private Integer order;

    @Column(name = "stage_position")
    private int position;

    @Column(nullable = false, length = 200)
    private String handler;

    @Column(name = "timeout_seconds")
    private Integer timeoutSeconds;

    @Column(name = "is_optional")
    private boolean optional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PluginCompletion completion = PluginCompletion.HANDLER;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PluginRunStatus status;

    @Lob
    private String message;

    /** The result (JSON text) the plugin reported with its completion, or its handler's result; else null. */
    @Lob
    private String result;

    @Column(name = "start_time")
    private Long startTime;

    @Column(name = "end_time")
    private Long endTime;

    @Column(name = "task_id", length = 64)
    private String taskId;

    @Version
    private long version;

    protected ActivityPluginRun() {}

    public ActivityPluginRun(String runId, ActivityPlugin plugin, int position) {
        this.runId = runId;
        this.plugin = plugin.getName();
        this.stage = plugin.getStage();
        this.order = plugin.getOrder();
        this.position = position;
        this.handler = plugin.getHandler();
        this.timeoutSeconds = plugin.getTimeoutSeconds();
        this.optional = plugin.isOptional();
        this.completion = plugin.getCompletion();
        this.status = PluginRunStatus.PENDING;
    }

    public void started(String taskId, long now) {
        moveTo(PluginRunStatus.IN_PROGRESS);
        this.taskId = taskId;
        this.startTime = now;
    }

    /** A progress report of the plugin itself while InProgress: replaces the message. */
    public void progress(String message) {
        this.message = message;
    }

    /** Ends the plugin; a null {@code message} keeps the last progress message (if any). */
    public void ended(PluginRunStatus status, String message, long now) {
        moveTo(status);
        if (message != null) {
            this.message = message;
        }
        this.endTime = now;
    }

    /** The one way the status changes: along {@link PluginRunStatus}'s table (409 otherwise). */
    public void moveTo(PluginRunStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalActivityTransition(
                    "plugin '" + plugin + "' of activity run " + runId,
                    status.json(),
                    target.json(),
                    status.allowedTargets().stream().map(PluginRunStatus::json).toList());
        }
        this.status = target;
    }

    /** The plugin's result as JSON text (null: none). */
    public void setResult(String result) {
        this.result = result;
    }

    public String getRunId() {
        return runId;
    }

    public String getPlugin() {
        return plugin;
    }

    public PluginStage getStage() {
        return stage;
    }

    public Integer getOrder() {
        return order;
    }

    public int getPosition() {
        return position;
    }

    public String getHandler() {
        return handler;
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public boolean isOptional() {
        return optional;
    }

    public PluginCompletion getCompletion() {
        return completion;
    }

    public PluginRunStatus getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public String getResult() {
        return result;
    }

    public Long getStartTime() {
        return startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public String getTaskId() {
        return taskId;
    }

    /** The composite primary key (run id, plugin name). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String runId;
        private String plugin;

        public Key() {}

        public Key(String runId, String plugin) {
            this.runId = runId;
            this.plugin = plugin;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.runId.equals(runId) && k.plugin.equals(plugin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, plugin);
        }
    }
}

package dev.baton.activities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One run of an activity; its plugins (the plan frozen at the start) are {@link ActivityPluginRun}s. */
@Entity
@Table(name = "baton_activity_run")
public class ActivityRun {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 100)
    private String activity;

    /** The run's metadata as a JSON object text. */
    @Lob
    private String metadata;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActivityRunStatus status;

    @Column(name = "batch_execution")
    private Long batchExecutionId;

    @Column(name = "start_time")
    private long startTime;

    @Column(name = "end_time")
    private Long endTime;

    @Lob
    private String error;

    @Column(name = "submitted_by", length = 200)
    private String submittedBy;

    /** Who started the run on behalf of what (e.g. a workflow action, {@code run:<id>:<action>}), or null. */
    @Column(length = 200)
    private String origin;

    /** The node that runs (or last ran) the run's batch job: only that node restarts it after a crash. */
    @Column(length = 200)
    private String node;

    @Version
    private long version;

    protected ActivityRun() {}

    public ActivityRun(String id, String activity, String metadata, String submittedBy, long startTime) {
        this.id = id;
        this.activity = activity;
        this.metadata = metadata;
        this.submittedBy = submittedBy;
        this.startTime = startTime;
        this.status = ActivityRunStatus.PENDING;
    }

    /** Its job (or a restart of it) runs as {@code executionId} on {@code node}; a PENDING run is RUNNING. */
    public void running(long executionId, String node) {
        this.batchExecutionId = executionId;
        this.node = node;
        if (status == ActivityRunStatus.PENDING) {
            moveTo(ActivityRunStatus.RUNNING);
        }
    }

    public void end(ActivityRunStatus status, String error, long endTime) {
        moveTo(status);
        this.error = error;
        this.endTime = endTime;
    }

    /** The one way the status changes: along {@link ActivityRunStatus}'s table (409 otherwise). */
    public void moveTo(ActivityRunStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalActivityTransition("activity run " + id, status, target, status.allowedTargets());
        }
        this.status = target;
    }

    public String getId() {
        return id;
    }

    public String getActivity() {
        return activity;
    }

    public String getMetadata() {
        return metadata;
    }

    public ActivityRunStatus getStatus() {
        return status;
    }

    public Long getBatchExecutionId() {
        return batchExecutionId;
    }

    public long getStartTime() {
        return startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public String getError() {
        return error;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }
}

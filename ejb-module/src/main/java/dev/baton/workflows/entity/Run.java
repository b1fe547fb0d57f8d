package dev.baton.workflows.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One execution of a workflow version. Status changes go through {@link #moveTo(RunStatus)}; {@code
 * steps} numbers the actions in the order they finished (the path taken).
 */
@Entity
@Table(name = "baton_run")
public class Run {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 100)
    private String workflow;

    @Column(name = "workflow_version")
    private int workflowVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunStatus status;

    @Lob
    private String input;

    private int priority;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "parent_run_id", length = 36)
    private String parentRunId;

    @Column(name = "parent_action_id", length = 100)
    private String parentActionId;

    @Column(name = "start_time")
    private long startTime;

    @Column(name = "end_time")
    private Long endTime;

    @Lob
    private String error;

    private int steps;

    @Version
    private long version;

    protected Run() {}

    public Run(String id, String workflow, int workflowVersion, String input, int priority, long now) {
        this.id = id;
        this.workflow = workflow;
        this.workflowVersion = workflowVersion;
        this.input = input;
        this.priority = priority;
        this.startTime = now;
        this.status = RunStatus.RUNNING;
    }

    public void moveTo(RunStatus target) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalRunTransition("run " + id, status, target, status.allowedTargets());
        }
        status = target;
    }

    /** The next step number (1, 2, ...), for an action that just finished. */
    public int nextStep() {
        return ++steps;
    }

    public String getId() {
        return id;
    }

    public String getWorkflow() {
        return workflow;
    }

    public int getWorkflowVersion() {
        return workflowVersion;
    }

    public RunStatus getStatus() {
        return status;
    }

    public String getInput() {
        return input;
    }

    public int getPriority() {
        return priority;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getParentRunId() {
        return parentRunId;
    }

    public String getParentActionId() {
        return parentActionId;
    }

    public void setParent(String runId, String actionId) {
        this.parentRunId = runId;
        this.parentActionId = actionId;
    }

    public long getStartTime() {
        return startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public void setEndTime(Long endTime) {
        this.endTime = endTime;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }
}

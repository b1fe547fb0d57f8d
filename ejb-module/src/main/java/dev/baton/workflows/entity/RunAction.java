package dev.baton.workflows.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * The state of one action of a run. {@code resolved} counts the predecessors that have decided about
 * this action (finished or were skipped), {@code arrivals} those that took a branch leading here: when
 * every predecessor has decided, the action becomes READY if any branch arrived, else SKIPPED (a join
 * runs once, after all its activated branches). {@code timerSeq} identifies the current timer so a
 * stale timer message is ignored.
 */
@Entity
@Table(name = "baton_run_action")
@IdClass(RunAction.Key.class)
public class RunAction {

    @Id
    @Column(name = "run_id", length = 36)
    private String runId;

    @Id
    @Column(name = "action_id", length = 100)
    private String actionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActionStatus status;

    private int arrivals;

    private int resolved;

    @Lob
    private String input;

    @Lob
    private String output;

    @Lob
    private String error;

    private String branch;

    @Column(name = "start_time")
    private Long startTime;

    @Column(name = "end_time")
    private Long endTime;

    private Integer step;

    @Column(name = "task_id", length = 36)
    private String taskId;

    @Column(name = "child_run_id", length = 36)
    private String childRunId;

    /** The activity run of an activity action. */
    @Column(name = "activity_run_id", length = 36)
    private String activityRunId;

    private String event;

    @Column(name = "due_time")
    private Long dueTime;

    @Column(name = "timer_seq")
    private int timerSeq;

    private int attempts;

    protected RunAction() {}

    public RunAction(String runId, String actionId) {
        this.runId = runId;
        this.actionId = actionId;
        this.status = ActionStatus.PENDING;
    }

    public void moveTo(ActionStatus target) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalRunTransition(
                    "action " + actionId + " of run " + runId, status, target, status.allowedTargets());
        }
        status = target;
    }

    /** Records one predecessor's decision; true when every predecessor has decided. */
    public boolean resolve(boolean arrived, int inDegree) {
        resolved++;
        if (arrived) {
            arrivals++;
        }
        return resolved >= inDegree;
    }

    public boolean anyArrived() {
        return arrivals > 0;
    }

    /** Starts a new attempt: clears what the previous one left. */
    public void begin(long now) {
        attempts++;
        startTime = now;
        endTime = null;
        error = null;
        output = null;
        branch = null;
        taskId = null;
        childRunId = null;
        activityRunId = null;
        event = null;
        dueTime = null;
    }

    /** A new timer for this action; earlier timer messages become stale. */
    public int armTimer(long due) {
        dueTime = due;
        return ++timerSeq;
    }

    /** Records the end; {@code stepNumber} is the action's place in the run's path (null when skipped). */
    public void finish(long now, Integer stepNumber) {
        endTime = now;
        step = stepNumber;
        dueTime = null;
    }

    public String getRunId() {
        return runId;
    }

    public String getActionId() {
        return actionId;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public Long getStartTime() {
        return startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public Integer getStep() {
        return step;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getChildRunId() {
        return childRunId;
    }

    public void setChildRunId(String childRunId) {
        this.childRunId = childRunId;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public Long getDueTime() {
        return dueTime;
    }

    public int getTimerSeq() {
        return timerSeq;
    }

    public int getAttempts() {
        return attempts;
    }

    /** The composite primary key (runId, actionId). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String runId;
        private String actionId;

        public Key() {}

        public Key(String runId, String actionId) {
            this.runId = runId;
            this.actionId = actionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.runId.equals(runId) && k.actionId.equals(actionId);
        }

        @Override
        public int hashCode() {
            return runId.hashCode() * 31 + actionId.hashCode();
        }
    }

    public String getActivityRunId() {
        return activityRunId;
    }

    public void setActivityRunId(String activityRunId) {
        this.activityRunId = activityRunId;
    }
}

package dev.baton.tasks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One try at running a task: where, when, and how it ended. */
@Entity
@Table(name = "baton_task_attempt")
public class TaskAttempt {

    @Id
    @Column(length = 48)
    private String id;

    @Column(name = "task_id", length = 36, nullable = false)
    private String taskId;

    private int number;

    private String node;

    private String worker;

    @Column(name = "start_time")
    private long startTime;

    @Column(name = "end_time")
    private Long endTime;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private AttemptOutcome outcome;

    @Lob
    private String error;

    protected TaskAttempt() {}

    public TaskAttempt(String taskId, int number, String node, long startTime) {
        this.id = idOf(taskId, number);
        this.taskId = taskId;
        this.number = number;
        this.node = node;
        this.startTime = startTime;
    }

    /** An attempt run by a remote worker; {@code node} is the node that handed the task over. */
    public TaskAttempt(String taskId, int number, String node, String worker, long startTime) {
        this(taskId, number, node, startTime);
        this.worker = worker;
    }

    public static String idOf(String taskId, int number) {
        return taskId + "#" + number;
    }

    public void end(AttemptOutcome outcome, String error, long endTime) {
        this.outcome = outcome;
        this.error = error;
        this.endTime = endTime;
    }

    public String getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public int getNumber() {
        return number;
    }

    public String getNode() {
        return node;
    }

    public String getWorker() {
        return worker;
    }

    public long getStartTime() {
        return startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public AttemptOutcome getOutcome() {
        return outcome;
    }

    public String getError() {
        return error;
    }
}

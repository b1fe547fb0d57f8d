package dev.baton.tasks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A durable unit of work. JSON values (params, result, split spec) are stored as JSON text; times are
 * epoch milliseconds (UTC). Status changes go through {@link #moveTo(TaskStatus)}, which enforces the
 * {@link TaskStatus} table.
 */
@Entity
@Table(name = "baton_task")
public class Task {

    @Id
    @Column(length = 36)
    private String id;

    private String name;

    @Column(nullable = false)
    private String handler;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TaskStatus status;

    private int priority;

    @Column(name = "effective_priority")
    private int effectivePriority;

    @Lob
    private String params;

    @Lob
    private String result;

    @Lob
    private String error;

    private int tries;

    @Column(name = "max_tries")
    private int maxTries;

    @Column(name = "timeout_seconds")
    private int timeoutSeconds;

    @Column(name = "submit_time")
    private long submitTime;

    @Column(name = "queued_time")
    private long queuedTime;

    @Column(name = "aged_time")
    private Long agedTime;

    @Column(name = "start_time")
    private Long startTime;

    @Column(name = "end_time")
    private Long endTime;

    @Column(name = "next_time")
    private Long nextTime;

    private String node;

    private String worker;

    @Column(name = "progress_percent")
    private Integer progressPercent;

    @Column(name = "progress_message", length = 1000)
    private String progressMessage;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "parent_id", length = 36)
    private String parentId;

    @Column(name = "child_index")
    private Integer childIndex;

    @Column(name = "children_total")
    private int childrenTotal;

    @Column(name = "children_completed")
    private int childrenCompleted;

    @Lob
    @Column(name = "split_spec")
    private String splitSpec;

    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Column(name = "reply_to")
    private String replyTo;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(name = "dispatch_seq")
    private int dispatchSeq;

    /** Who asked for the task besides its user, e.g. {@code run:<runId>:<actionId>} for a workflow action. */
    @Column(length = 200)
    private String origin;

    /**
     * The node that sends the first dispatch after the submitting transaction committed, or null when
     * the first dispatch committed with the task (see {@code V14__task_first_dispatch_node.sql}).
     */
    @Column(name = "first_dispatch_node", length = 200)
    private String firstDispatchNode;

    @Version
    private long version;

    protected Task() {}

    public Task(String id, String handler, int priority, long now) {
        this.id = id;
        this.handler = handler;
        this.priority = priority;
        this.effectivePriority = priority;
        this.status = TaskStatus.QUEUED;
        this.submitTime = now;
        this.queuedTime = now;
        this.dispatchSeq = 1; // a new task is created with its first dispatch (sent by Dispatcher#dispatchNew)
    }

    /** Changes the status if the lifecycle allows it; otherwise throws {@link IllegalTransitionException}. */
    public void moveTo(TaskStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id, status, target);
        }
        status = target;
    }

    /** A new dispatch makes every earlier dispatch message for this task stale. */
    public int nextDispatch() {
        return ++dispatchSeq;
    }

    public Long durationMs() {
        if (startTime == null || endTime == null) {
            return null;
        }
        return endTime - startTime;
    }

    public String getFirstDispatchNode() {
        return firstDispatchNode;
    }

    /** Marks the task as one whose first dispatch {@code node} sends after the submitting commit. */
    public void setFirstDispatchNode(String node) {
        this.firstDispatchNode = node;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHandler() {
        return handler;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public int getPriority() {
        return priority;
    }

    public int getEffectivePriority() {
        return effectivePriority;
    }

    public void setEffectivePriority(int effectivePriority) {
        this.effectivePriority = effectivePriority;
    }

    public String getParams() {
        return params;
    }

    public void setParams(String params) {
        this.params = params;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public int getTries() {
        return tries;
    }

    public void setTries(int tries) {
        this.tries = tries;
    }

    public int getMaxTries() {
        return maxTries;
    }

    public void setMaxTries(int maxTries) {
        this.maxTries = maxTries;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public long getSubmitTime() {
        return submitTime;
    }

    public long getQueuedTime() {
        return queuedTime;
    }

    public void setQueuedTime(long queuedTime) {
        this.queuedTime = queuedTime;
    }

    public Long getAgedTime() {
        return agedTime;
    }

    public void setAgedTime(Long agedTime) {
        this.agedTime = agedTime;
    }

    public Long getStartTime() {
        return startTime;
    }

    public void setStartTime(Long startTime) {
        this.startTime = startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public void setEndTime(Long endTime) {
        this.endTime = endTime;
    }

    public Long getNextTime() {
        return nextTime;
    }

    public void setNextTime(Long nextTime) {
        this.nextTime = nextTime;
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    public String getWorker() {
        return worker;
    }

    public void setWorker(String worker) {
        this.worker = worker;
    }

    public Integer getProgressPercent() {
        return progressPercent;
    }

    public String getProgressMessage() {
        return progressMessage;
    }

    /** What the running attempt last reported about its progress (null, null clears it). */
    public void setProgress(Integer percent, String message) {
        this.progressPercent = percent;
        this.progressMessage = message;
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

    public String getParentId() {
        return parentId;
    }

    public Integer getChildIndex() {
        return childIndex;
    }

    public void setParent(String parentId, int childIndex) {
        this.parentId = parentId;
        this.childIndex = childIndex;
    }

    public int getChildrenTotal() {
        return childrenTotal;
    }

    public void setChildrenTotal(int childrenTotal) {
        this.childrenTotal = childrenTotal;
    }

    public int getChildrenCompleted() {
        return childrenCompleted;
    }

    public void setChildrenCompleted(int childrenCompleted) {
        this.childrenCompleted = childrenCompleted;
    }

    public String getSplitSpec() {
        return splitSpec;
    }

    public void setSplitSpec(String splitSpec) {
        this.splitSpec = splitSpec;
    }

    public Long getBatchExecutionId() {
        return batchExecutionId;
    }

    public void setBatchExecutionId(Long batchExecutionId) {
        this.batchExecutionId = batchExecutionId;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public void setReply(String replyTo, String correlationId) {
        this.replyTo = replyTo;
        this.correlationId = correlationId;
    }

    public int getDispatchSeq() {
        return dispatchSeq;
    }

    public long getVersion() {
        return version;
    }
}

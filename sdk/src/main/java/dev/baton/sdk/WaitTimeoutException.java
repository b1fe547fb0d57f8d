package dev.baton.sdk;

/** The task was not finished when the caller's wait ran out; it goes on, and its result can be awaited again. */
public class WaitTimeoutException extends BatonException {

    private static final long serialVersionUID = 1L;

    private final String taskId;

    public WaitTimeoutException(String taskId, String message) {
        super(message);
        this.taskId = taskId;
    }

    /** The task's id (null for a JMS submission whose task has not answered yet). */
    public String taskId() {
        return taskId;
    }
}

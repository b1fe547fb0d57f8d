package dev.baton.sdk;

/**
 * The code a {@link Worker} runs for one handler name. It returns the task's result (any value JSON-B can
 * write, a JSON-P value, null, or {@link TaskContext#split} children); an exception fails the attempt
 * with its message ({@link TaskTimedOutException}: as timed out). A cancelled task's thread is
 * interrupted.
 */
@FunctionalInterface
public interface TaskHandler {

    Object handle(TaskContext context) throws Exception;
}

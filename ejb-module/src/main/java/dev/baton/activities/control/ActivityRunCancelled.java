package dev.baton.activities.control;

/**
 * CDI event, fired in the transaction that cancelled an activity run: after the commit its batch job is
 * stopped.
 *
 * @param executionId the run's job execution, or null when its job never started
 * @param node the node that runs the job, or null
 */
public record ActivityRunCancelled(String runId, Long executionId, String node) {}

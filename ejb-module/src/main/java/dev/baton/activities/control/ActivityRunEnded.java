package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityRunStatus;

/**
 * CDI event, fired inside the transaction in which an activity run reached COMPLETED or FAILED.
 *
 * @param origin the run's origin (e.g. a workflow action), or null
 */
public record ActivityRunEnded(String runId, ActivityRunStatus status, String origin) {}

package dev.baton.activities.control;

/** CDI event, fired in the transaction that stored a new activity run; its job starts after the commit. */
public record ActivityRunCreated(String runId) {}

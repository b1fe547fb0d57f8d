package dev.baton.activities.control;

/**
 * CDI event, fired in the transaction in which a plugin of a run reported its progress or end, or was
 * cancelled: after the commit, the batch thread waiting for that plugin on this node looks at once
 * (other nodes' waiters notice on their next periodic look).
 */
public record PluginChanged(String runId, String plugin) {}

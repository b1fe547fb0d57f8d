package dev.baton.cluster.control;

import java.util.Set;

/**
 * CDI event: a worker deregistered (fired in the transaction that recorded it), leaving {@code
 * orphanedHandlers} without any worker.
 */
public record WorkerLeft(String workerId, Set<String> orphanedHandlers) {}

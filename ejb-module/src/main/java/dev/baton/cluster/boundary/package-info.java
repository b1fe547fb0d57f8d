/**
 * Cluster entry points: the worker protocol facade (register, poll, report, heartbeat), node membership
 * and draining, and the ticker that keeps heartbeats and revives work from dead members.
 */
package dev.baton.cluster.boundary;

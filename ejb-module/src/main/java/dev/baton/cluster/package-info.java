/**
 * The cluster: remote workers that pull tasks over HTTP, the Baton server nodes, their heartbeats,
 * leases and statistics, draining and resuming, and the revival of work from members that died.
 */
package dev.baton.cluster;

/** Cluster logic: the worker registry, remote handler names, leases, statistics and their JSON/text views. */
package dev.baton.cluster.control;

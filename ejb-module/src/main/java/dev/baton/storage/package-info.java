/**
 * Shared storage (Clusterfy's storage for a cluster): a tree of JSON values addressed by dot paths
 * ({@code counters.jobs.done}), read and written over REST, from workflow javascript actions and from
 * workspace scripts, with versions for compare-and-set.
 */
package dev.baton.storage;

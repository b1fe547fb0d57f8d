/** Cluster members as stored: remote workers and server nodes, with their {@link dev.baton.cluster.entity.MemberState}. */
package dev.baton.cluster.entity;

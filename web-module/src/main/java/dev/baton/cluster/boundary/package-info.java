/** REST resources of the cluster: the remote worker protocol, the worker and node registries, draining. */
package dev.baton.cluster.boundary;

/** Metrics: the numbers of active workflow runs, activity runs, plugin runs and tasks, as JSON or Prometheus text. */
package dev.baton.metrics.boundary;

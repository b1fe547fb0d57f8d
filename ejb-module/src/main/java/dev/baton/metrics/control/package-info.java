/**
 * Metrics logic: {@link dev.baton.metrics.control.RunMetrics} counts active workflow runs, activity runs
 * and plugin runs with COUNT queries (no caching); {@link dev.baton.metrics.control.Prometheus} renders
 * gauges in the Prometheus text exposition format 0.0.4.
 */
package dev.baton.metrics.control;

/** REST resource for metrics: {@code GET /api/metrics} (JSON) and {@code GET /api/metrics/prometheus} (text). */
package dev.baton.metrics.boundary;

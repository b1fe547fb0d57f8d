/**
 * The benchmark harness: starts its own Baton server, measures the task spine over the REST API and
 * prints a table. Run with {@code ./mvnw -pl benchmarks verify -Pbench} (see docs/benchmarks.md).
 */
package dev.baton.bench;

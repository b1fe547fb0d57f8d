package dev.baton.bench;

import java.nio.file.Path;

/**
 * The benchmark's settings, all system properties (-Dbench.tasks=5000 on the Maven command line).
 *
 * @param jbossHome the configured WildFly (server-config/target/wildfly-*)
 * @param ear the EAR to deploy (ear/target/baton.ear)
 * @param serverBase the benchmark server's base directory, recreated on every run (fresh database)
 * @param portOffset WildFly's socket binding port offset (http = 8080 + offset)
 * @param serverHeap the server's -Xmx
 * @param serverOptions extra server JVM options, space-separated (e.g. {@code
 *     -Dbaton.dispatch.groupSize=100})
 * @param jfr whether to record a JFR profile of the server (target/server.jfr)
 * @param tasks throughput: tasks measured
 * @param warmupTasks throughput: tasks run first and not counted
 * @param clients throughput and inversion: concurrent HTTP clients
 * @param samples round trip: measured samples
 * @param warmupSamples round trip: samples run first and not counted (20,000 by default: on 2 cores the
 *     per-request code paths reach C2 only after some ten thousand requests)
 * @param lowTasks inversion: low-priority tasks queued first
 * @param highTasks inversion: high-priority tasks queued after them
 * @param sleepMillis inversion: how long each task sleeps; 0 (default) picks it from a measured submission
 *     rate, so the consumers drain at a quarter of the rate the tasks arrive (they stay saturated)
 * @param scenarios which scenarios run: any of "throughput,roundtrip,inversion,workflow,paging"
 *     (paging restarts the server and fills its database, so it runs last)
 * @param submit how the throughput scenario submits: "http" (POST /api/tasks), "http-batch" (POST
 *     /api/tasks/batch, {@code httpBatch} tasks per request) or "jms" (baton.submit)
 * @param jmsProducers JMS submission: producer threads
 * @param jmsBatch JMS submission: messages per transaction commit
 * @param httpBatch http-batch submission: tasks per request
 * @param pagingRows paging: finished tasks inserted into the database before listing them
 * @param workflowRuns workflow: runs of the 10-action workflow started
 * @param database the server's database: H2 (default) or PostgreSQL ({@code -Dbench.db=postgresql})
 */
record BenchConfig(
        Path jbossHome,
        Path ear,
        Path serverBase,
        int portOffset,
        String serverHeap,
        String serverOptions,
        boolean jfr,
        int tasks,
        int warmupTasks,
        int clients,
        int samples,
        int warmupSamples,
        int lowTasks,
        int highTasks,
        int sleepMillis,
        String scenarios,
        String submit,
        int jmsProducers,
        int jmsBatch,
        int httpBatch,
        int pagingRows,
        int workflowRuns,
        BenchDatabase database) {

    static BenchConfig fromSystemProperties() {
        return new BenchConfig(
                Path.of(required("bench.jboss.home")),
                Path.of(required("bench.ear")),
                Path.of(required("bench.server.base")),
                integer("bench.port.offset", 500),
                System.getProperty("bench.server.heap", "1g"),
                System.getProperty("bench.server.opts", ""),
                Boolean.getBoolean("bench.jfr"),
                integer("bench.tasks", 20_000),
                integer("bench.warmup.tasks", 20_000),
                integer("bench.clients", 32),
                integer("bench.samples", 2_000),
                integer("bench.warmup.samples", 20_000),
                integer("bench.inversion.low", 1_000),
                integer("bench.inversion.high", 200),
                integer("bench.inversion.sleepMillis", 0),
                System.getProperty("bench.scenarios", "throughput,roundtrip,inversion,workflow,paging"),
                System.getProperty("bench.submit", "http"),
                integer("bench.jms.producers", 4),
                Math.max(1, integer("bench.jms.batch", 100)),
                Math.max(1, integer("bench.http.batch", 100)),
                Math.max(1, integer("bench.paging.rows", 1_000_000)),
                Math.max(1, integer("bench.workflow.runs", 500)),
                BenchDatabase.fromSystemProperties());
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    int managementPort() {
        return 9990 + portOffset;
    }

    boolean runs(String scenario) {
        return (',' + scenarios.replace(" ", "") + ',').contains(',' + scenario + ',');
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required (the bench profile sets it)");
        }
        return value;
    }

    private static int integer(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.trim().replace("_", ""));
        if (parsed < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return parsed;
    }
}

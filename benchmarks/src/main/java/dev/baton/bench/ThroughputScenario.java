package dev.baton.bench;

import dev.baton.bench.BatonApi.TaskTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: N durable no-op tasks submitted by concurrent HTTP clients; measures the submission rate
 * (202 answers: task row and dispatch message committed) and the end-to-end rate (first submission to
 * the last task's endTime, every task SUCCEEDED). A warm-up batch runs first and is not counted.
 */
final class ThroughputScenario {

    private static final String NAME = "1 throughput";

    private final BenchConfig config;
    private final CpuClock cpu;

    ThroughputScenario(BenchConfig config, CpuClock cpu) {
        this.config = config;
        this.cpu = cpu;
    }

    List<Figure> run() throws Exception {
        int n = config.tasks();
        Submitter submitter =
                switch (config.submit()) {
                    case "http" -> new ConcurrentSubmitter(config, config.clients());
                    case "jms" -> new JmsSubmitter(config);
                    case "http-batch" -> ConcurrentSubmitter.batches(config, config.clients(), config.httpBatch());
                    default -> throw new IllegalArgumentException(
                            "bench.submit must be http, http-batch or jms: " + config.submit());
                };
        try (BatonApi api = new BatonApi(config)) {
            StatusWatch watch = new StatusWatch(api);
            if (config.warmupTasks() > 0) {
                long before = api.tasksByStatus().getOrDefault("SUCCEEDED", 0L);
                submitter.submit(config.warmupTasks(), i -> BatonApi.NOOP, timeoutSeconds(config.warmupTasks()));
                watch.awaitSucceeded(
                        "throughput warm-up",
                        before + config.warmupTasks(),
                        Duration.ofSeconds(timeoutSeconds(config.warmupTasks())));
            }
            long before = api.tasksByStatus().getOrDefault("SUCCEEDED", 0L);
            CpuClock.Reading cpuBefore = cpu.read();
            Submitter.Run run = submitter.submit(n, i -> BatonApi.NOOP, timeoutSeconds(n));
            long doneWhenSubmitted = api.tasksByStatus().getOrDefault("SUCCEEDED", 0L) - before;
            watch.awaitSucceeded("throughput", before + n, Duration.ofSeconds(timeoutSeconds(n)));
            long observedNanos = System.nanoTime();
            CpuClock.Reading cpuAfter = cpu.read();

            List<TaskTimes> measured = new ArrayList<>();
            for (TaskTimes t : api.tasks("status=SUCCEEDED&handler=noop")) {
                if (t.submit() >= run.startMillis()) {
                    measured.add(t);
                }
            }
            if (measured.size() != n) {
                throw new IllegalStateException(
                        "expected " + n + " SUCCEEDED tasks submitted during the run, found " + measured.size());
            }
            long lastEnd = measured.stream().mapToLong(TaskTimes::end).max().orElseThrow();
            double endToEnd = Math.max(1, lastEnd - run.startMillis()) / 1000.0;
            double polled = (observedNanos - run.startNanos()) / 1e9;
            Percentiles sojourn = new Percentiles(
                    measured.stream().mapToLong(t -> t.end() - t.submit()).toArray());
            String how = submitter.describe();
            return List.of(
                    new Figure(
                            NAME,
                            "tasks",
                            String.format("%,d", n),
                            "noop, durable (" + (config.database().isH2() ? "H2" : "PostgreSQL")
                                    + " + persistent JMS; over REST the task commits first and its"
                                    + " dispatch is sent after, over JMS both commit in one XA transaction)"),
                    new Figure(
                            NAME,
                            "submission rate",
                            String.format("%,.0f tasks/s", n / run.seconds()),
                            how + String.format("; %.2f s", run.seconds())),
                    new Figure(
                            NAME,
                            "end-to-end rate",
                            String.format("%,.0f tasks/s", n / endToEnd),
                            String.format(
                                    "first submit -> last endTime %.2f s (poll saw all SUCCEEDED at %.2f s)",
                                    endToEnd, polled)),
                    new Figure(
                            NAME,
                            "done when submission ended",
                            String.format("%,d (%.0f%%)", doneWhenSubmitted, 100.0 * doneWhenSubmitted / n),
                            "SUCCEEDED while the clients were still submitting"),
                    new Figure(
                            NAME,
                            "submit -> end p50 / p99",
                            String.format("%,d / %,d ms", sojourn.percentile(50), sojourn.percentile(99)),
                            "per task, server clock; includes queueing behind the backlog"),
                    new Figure(
                            NAME,
                            "CPU per task: server / client",
                            String.format(
                                    "%.2f / %.2f ms",
                                    cpuAfter.serverMillisPer(cpuBefore, n), cpuAfter.clientMillisPer(cpuBefore, n)),
                            String.format(
                                    "server JVM CPU time / tasks: at most ~%,.0f tasks/s if it had all %d CPUs",
                                    Runtime.getRuntime().availableProcessors()
                                            * 1000
                                            / cpuAfter.serverMillisPer(cpuBefore, n),
                                    Runtime.getRuntime().availableProcessors())),
                    new Figure(NAME, "server CPU by thread", "", cpuAfter.serverThreadGroups(cpuBefore)));
        }
    }

    private static long timeoutSeconds(int tasks) {
        return 120 + tasks / 20;
    }
}

package dev.baton.bench;

import java.util.List;

/**
 * Scenario 2: one client, one task at a time: {@code POST /api/tasks?wait=30} with the noop handler,
 * timed from sending the request to reading the 200 answer with the SUCCEEDED task. Warm-up samples run
 * first and are not counted.
 */
final class RoundTripScenario {

    private static final String NAME = "2 round trip";
    private static final String TARGET = "/api/tasks?wait=30";

    private final BenchConfig config;
    private final CpuClock cpu;

    RoundTripScenario(BenchConfig config, CpuClock cpu) {
        this.config = config;
        this.cpu = cpu;
    }

    List<Figure> run() throws Exception {
        try (BatonApi api = new BatonApi(config)) {
            api.connect();
            for (int i = 0; i < config.warmupSamples(); i++) {
                roundTrip(api);
            }
            long[] micros = new long[config.samples()];
            long[][] segments = new long[4][config.samples()];
            CpuClock.Reading cpuBefore = cpu.read();
            long start = System.nanoTime();
            for (int i = 0; i < micros.length; i++) {
                Sample sample = roundTrip(api);
                micros[i] = sample.micros();
                long[] parts = sample.segments();
                for (int s = 0; s < parts.length; s++) {
                    segments[s][i] = parts[s];
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuClock.Reading cpuAfter = cpu.read();
            Percentiles p = new Percentiles(micros);
            return List.of(
                    new Figure(
                            NAME,
                            "samples",
                            String.format("%,d", p.count()),
                            String.format(
                                    "after %,d warm-up; sequential POST %s {\"handler\":\"noop\"}",
                                    config.warmupSamples(), TARGET)),
                    new Figure(NAME, "p50", millis(p.percentile(50)), "submit -> 200 with the SUCCEEDED task"),
                    new Figure(NAME, "p90", millis(p.percentile(90)), ""),
                    new Figure(NAME, "p99", millis(p.percentile(99)), ""),
                    new Figure(NAME, "max", millis(p.max()), String.format("mean %s", millis((long) p.mean()))),
                    new Figure(
                            NAME,
                            "sequential rate",
                            String.format("%,.0f tasks/s", p.count() / seconds),
                            "one client, one task in flight"),
                    new Figure(
                            NAME,
                            "CPU per round trip: server / client",
                            String.format(
                                    "%.2f / %.2f ms",
                                    cpuAfter.serverMillisPer(cpuBefore, micros.length),
                                    cpuAfter.clientMillisPer(cpuBefore, micros.length)),
                            "JVM CPU time / samples"),
                    new Figure(
                            NAME,
                            "p50 by segment",
                            String.format(
                                    "%d / %d / %d / %d ms",
                                    new Percentiles(segments[0]).percentile(50),
                                    new Percentiles(segments[1]).percentile(50),
                                    new Percentiles(segments[2]).percentile(50),
                                    new Percentiles(segments[3]).percentile(50)),
                            "request -> submitTime / -> startTime / -> endTime / -> response read (ms clocks)"),
                    new Figure(NAME, "server CPU by thread", "", cpuAfter.serverThreadGroups(cpuBefore)));
        }
    }

    /**
     * One round trip: its duration in microseconds and its segments in ms, from the client's clock and
     * the task's times (same machine, same clock): request sent -> submitTime (HTTP, authentication,
     * parsing), -> startTime (submit transaction commits, dispatch delivered, claim), -> endTime (handler,
     * finish), -> response read (finish commits, the waiter wakes, the task is read and sent back).
     */
    private record Sample(long micros, long[] segments) {}

    private static Sample roundTrip(BatonApi api) throws Exception {
        long sentMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        HttpReply reply = api.post(TARGET, BatonApi.NOOP);
        long micros = (System.nanoTime() - start) / 1_000;
        long readMillis = System.currentTimeMillis();
        reply.expect(200, "POST " + TARGET);
        BatonApi.TaskTimes task = BatonApi.TaskTimes.of(reply.json());
        if (!task.status().equals("SUCCEEDED")) {
            throw new IllegalStateException("a noop task ended " + task.status() + ": " + reply.body());
        }
        return new Sample(micros, new long[] {
            task.submit() - sentMillis, task.start() - task.submit(), task.end() - task.start(), readMillis - task.end()
        });
    }

    static String millis(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}

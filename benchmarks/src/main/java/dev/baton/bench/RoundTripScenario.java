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

    RoundTripScenario(BenchConfig config) {
        this.config = config;
    }

    List<Figure> run() throws Exception {
        try (BatonApi api = new BatonApi(config)) {
            api.connect();
            for (int i = 0; i < config.warmupSamples(); i++) {
                roundTrip(api);
            }
            long[] micros = new long[config.samples()];
            long start = System.nanoTime();
            for (int i = 0; i < micros.length; i++) {
                micros[i] = roundTrip(api);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
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
                            "one client, one task in flight"));
        }
    }

    /** One round trip in microseconds. */
    private static long roundTrip(BatonApi api) throws Exception {
        long start = System.nanoTime();
        HttpReply reply = api.post(TARGET, BatonApi.NOOP);
        long micros = (System.nanoTime() - start) / 1_000;
        reply.expect(200, "POST " + TARGET);
        String status = reply.json().getString("status");
        if (!status.equals("SUCCEEDED")) {
            throw new IllegalStateException("a noop task ended " + status + ": " + reply.body());
        }
        return micros;
    }

    private static String millis(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }
}

package dev.baton.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 5: workflow runs of a 10-action chain of {@code noop} user actions (no delays), started
 * by concurrent clients with {@code POST /flow/execute}. Measures runs/s (first start to the last run's
 * end) and the per-step overhead: for consecutive actions, the time from one action's end to the next
 * one's start (task end → workflow signal → next task submitted), p50/p99 over all steps.
 */
final class WorkflowScenario {

    private static final String NAME = "5 workflow";
    private static final String WORKFLOW = "bench10";
    private static final int ACTIONS = 10;

    private final BenchConfig config;

    WorkflowScenario(BenchConfig config) {
        this.config = config;
    }

    static String definition() {
        StringBuilder json = new StringBuilder("{\"name\":\"" + WORKFLOW + "\",\"rootAction\":1,\"actions\":[");
        for (int i = 1; i <= ACTIONS; i++) {
            json.append(i > 1 ? "," : "")
                    .append("{\"id\":")
                    .append(i)
                    .append(",\"type\":\"user\",\"name\":\"noop\",\"parameters\":{\"step\":")
                    .append(i)
                    .append('}');
            if (i < ACTIONS) {
                json.append(",\"next\":{\"default\":[").append(i + 1).append("]}");
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    List<Figure> run() throws Exception {
        int runs = config.workflowRuns();
        try (BatonApi api = new BatonApi(config)) {
            api.connect();
            api.post("/api/workflows", definition()).expect(201, "POST /api/workflows");
            ConcurrentSubmitter starter = new ConcurrentSubmitter(config, config.clients(), "/flow/execute", 201);
            String body = "{\"name\":\"" + WORKFLOW + "\",\"input\":{}}";
            Submitter.Run started = starter.submit(runs, i -> body, 600);
            List<JsonObject> done = awaitCompleted(api, runs);
            long lastEnd = done.stream()
                    .mapToLong(r -> Instant.parse(r.getString("endTime")).toEpochMilli())
                    .max()
                    .orElseThrow();
            double seconds = Math.max(1, lastEnd - started.startMillis()) / 1000.0;
            List<Long> gaps = new ArrayList<>();
            List<Long> durations = new ArrayList<>();
            for (JsonObject summary : done) {
                JsonObject run = api.get("/api/runs/" + summary.getString("id"))
                        .expect(200, "GET run")
                        .json();
                durations.add(run.getJsonNumber("durationMs").longValue());
                gaps.addAll(stepGaps(run.getJsonArray("actions")));
            }
            Percentiles gap =
                    new Percentiles(gaps.stream().mapToLong(Long::longValue).toArray());
            Percentiles duration = new Percentiles(
                    durations.stream().mapToLong(Long::longValue).toArray());
            return List.of(
                    new Figure(NAME, "runs", String.format("%,d", runs), ACTIONS + " noop user actions in a chain"),
                    new Figure(
                            NAME,
                            "start rate",
                            String.format("%,.0f runs/s", runs / started.seconds()),
                            starter.describe()),
                    new Figure(
                            NAME,
                            "completion rate",
                            String.format("%,.1f runs/s (%,.0f actions/s)", runs / seconds, runs * ACTIONS / seconds),
                            String.format("first start -> last run end %.1f s", seconds)),
                    new Figure(
                            NAME,
                            "per-step overhead p50 / p99",
                            String.format("%,d / %,d ms", gap.percentile(50), gap.percentile(99)),
                            "end of an action -> start of the next (signal, lock, next task), under load"),
                    new Figure(
                            NAME,
                            "run duration p50 / p99",
                            String.format("%,d / %,d ms", duration.percentile(50), duration.percentile(99)),
                            "start -> COMPLETED, including queueing behind the other runs"));
        }
    }

    private List<JsonObject> awaitCompleted(BatonApi api, int runs) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            JsonObject page = api.get("/api/runs?workflow=" + WORKFLOW + "&limit=1000")
                    .expect(200, "GET /api/runs")
                    .json();
            List<JsonObject> all = new ArrayList<>();
            page.getJsonArray("items").forEach(v -> all.add(v.asJsonObject()));
            long completed = all.stream()
                    .filter(r -> "COMPLETED".equals(r.getString("status")))
                    .count();
            if (all.stream().anyMatch(r -> "FAILED".equals(r.getString("status")))) {
                throw new IllegalStateException("a benchmark run failed");
            }
            if (completed >= runs) {
                return all;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + completed + " of " + runs + " runs completed in 10 min");
            }
            Thread.sleep(200);
        }
    }

    /** For consecutive steps: next action's start minus this action's end, in ms. */
    static List<Long> stepGaps(JsonArray actions) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < actions.size(); i++) {
            JsonObject previous = actions.getJsonObject(i - 1);
            JsonObject next = actions.getJsonObject(i);
            if (previous.get("endTime").getValueType() == JsonValue.ValueType.STRING
                    && next.get("startTime").getValueType() == JsonValue.ValueType.STRING) {
                gaps.add(Instant.parse(next.getString("startTime")).toEpochMilli()
                        - Instant.parse(previous.getString("endTime")).toEpochMilli());
            }
        }
        return gaps;
    }
}

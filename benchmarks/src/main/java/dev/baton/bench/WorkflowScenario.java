package dev.baton.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 5: workflow runs of a 10-action chain of {@code noop} user actions (no delays). First,
 * runs one at a time: the per-step time is the time from one action's start to the next one's start
 * (task submitted, dispatched, run, finished, the workflow signalled, the next task submitted): with a
 * handler that does nothing it is the engine's per-step overhead, p50/p99 over all steps. Then {@code
 * bench.workflow.runs} runs started by concurrent clients with {@code POST /flow/execute}: runs/s from
 * the first start to the last run's end.
 */
final class WorkflowScenario {

    private static final String NAME = "5 workflow";
    private static final String WORKFLOW = "bench10";
    private static final int ACTIONS = 10;
    private static final int SEQUENTIAL_WARMUP = 20;
    private static final int SEQUENTIAL_RUNS = 100;

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
            String body = "{\"name\":\"" + WORKFLOW + "\",\"input\":{}}";

            List<Long> steps = new ArrayList<>();
            for (int i = 0; i < SEQUENTIAL_WARMUP + SEQUENTIAL_RUNS; i++) {
                String id = api.post("/flow/execute", body)
                        .expect(201, "POST /flow/execute")
                        .json()
                        .getString("id");
                JsonObject run = awaitRun(api, id);
                if (i >= SEQUENTIAL_WARMUP) {
                    steps.addAll(stepTimes(run.getJsonArray("actions")));
                }
            }
            Percentiles step =
                    new Percentiles(steps.stream().mapToLong(Long::longValue).toArray());

            ConcurrentSubmitter starter = new ConcurrentSubmitter(config, config.clients(), "/flow/execute", 201);
            Submitter.Run started = starter.submit(runs, i -> body, 600);
            List<JsonObject> done = awaitCompleted(api, runs + SEQUENTIAL_WARMUP + SEQUENTIAL_RUNS);
            long lastEnd = done.stream()
                    .mapToLong(r -> Instant.parse(r.getString("endTime")).toEpochMilli())
                    .max()
                    .orElseThrow();
            double seconds = Math.max(1, lastEnd - started.startMillis()) / 1000.0;
            return List.of(
                    new Figure(
                            NAME,
                            "per-step time p50 / p99",
                            String.format("%,d / %,d ms", step.percentile(50), step.percentile(99)),
                            String.format(
                                    "%d runs one at a time (after %d warm-up), %d steps: action start -> next action"
                                            + " start with a handler that does nothing",
                                    SEQUENTIAL_RUNS, SEQUENTIAL_WARMUP, steps.size())),
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
                            String.format("first start -> last run end %.1f s", seconds)));
        }
    }

    private static JsonObject awaitRun(BatonApi api, String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonObject run = api.get("/api/runs/" + id)
                    .expect(200, "GET /api/runs/" + id)
                    .json();
            String status = run.getString("status");
            if ("COMPLETED".equals(status)) {
                return run;
            }
            if (!"RUNNING".equals(status) && !"WAITING".equals(status) || System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + id + " is " + status);
            }
            Thread.sleep(2);
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

    /** For consecutive actions of a chain: the next action's start minus this action's start, in ms. */
    static List<Long> stepTimes(JsonArray actions) {
        List<Long> times = new ArrayList<>();
        for (int i = 1; i < actions.size(); i++) {
            JsonObject previous = actions.getJsonObject(i - 1);
            JsonObject next = actions.getJsonObject(i);
            if (previous.get("startTime").getValueType() == JsonValue.ValueType.STRING
                    && next.get("startTime").getValueType() == JsonValue.ValueType.STRING) {
                times.add(Instant.parse(next.getString("startTime")).toEpochMilli()
                        - Instant.parse(previous.getString("startTime")).toEpochMilli());
            }
        }
        return times;
    }
}

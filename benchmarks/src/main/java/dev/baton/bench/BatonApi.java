package dev.baton.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The REST calls the benchmark makes, as the dev user baton/baton, on one keep-alive connection. */
final class BatonApi implements AutoCloseable {

    static final String NOOP = "{\"handler\":\"noop\"}";
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString("baton:baton".getBytes(StandardCharsets.UTF_8));
    private static final int PAGE = 1000;

    private final HttpConnection http;

    BatonApi(BenchConfig config) {
        this.http = new HttpConnection("127.0.0.1", config.httpPort(), AUTHORIZATION);
    }

    void connect() throws IOException {
        http.connect();
    }

    HttpReply post(String target, String json) throws IOException {
        return http.post(target, json);
    }

    HttpReply get(String target) throws IOException {
        return http.get(target);
    }

    /** Submits and checks the answer is 202 (stored and queued). */
    void submit(String json) throws IOException {
        http.post("/api/tasks", json).expect(202, "POST /api/tasks");
    }

    /** {@code GET /api/queues}: the node's queue and the task count per status. */
    JsonObject queues() throws IOException {
        return http.get("/api/queues")
                .expect(200, "GET /api/queues")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
    }

    Map<String, Long> tasksByStatus() throws IOException {
        JsonObject counts = queues().getJsonObject("tasksByStatus");
        Map<String, Long> result = new HashMap<>();
        counts.forEach((status, n) -> result.put(status, ((jakarta.json.JsonNumber) n).longValue()));
        return result;
    }

    /** Every task matching {@code filter} (e.g. "handler=sleep"), paging with the cursor. */
    List<TaskTimes> tasks(String filter) throws IOException {
        List<TaskTimes> all = new ArrayList<>();
        String cursor = null;
        do {
            String target = "/api/tasks?limit=" + PAGE + (filter.isEmpty() ? "" : "&" + filter)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonObject page = http.get(target).expect(200, "GET " + target).json();
            page.getJsonArray("items").forEach(item -> all.add(TaskTimes.of(item.asJsonObject())));
            JsonValue next = page.get("nextCursor");
            cursor = next == null || next.getValueType() == JsonValue.ValueType.NULL
                    ? null
                    : page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Override
    public void close() {
        http.close();
    }

    /** The parts of a task's JSON the benchmark uses; times in epoch milliseconds, null if unset. */
    record TaskTimes(String id, String name, String status, int priority, Long submit, Long start, Long end) {

        static TaskTimes of(JsonObject task) {
            return new TaskTimes(
                    task.getString("id"),
                    task.isNull("name") ? null : task.getString("name"),
                    task.getString("status"),
                    task.getInt("priority"),
                    millis(task, "submitTime"),
                    millis(task, "startTime"),
                    millis(task, "endTime"));
        }

        private static Long millis(JsonObject task, String field) {
            return task.isNull(field)
                    ? null
                    : Instant.parse(task.getString(field)).toEpochMilli();
        }
    }
}

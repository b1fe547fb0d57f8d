package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Task-level helpers for black-box tests on top of {@link Api}: submit, read, wait for a status, list
 * with paging, and submit many tasks concurrently.
 */
public final class TaskClient {

    private final Api api;

    public TaskClient(Api api) {
        this.api = api;
    }

    public static TaskClient admin() {
        return new TaskClient(Api.admin());
    }

    public Api api() {
        return api;
    }

    /** Submits {@code json} and returns the new task's id; fails the test unless the answer is 202. */
    public String submit(String json) {
        Api.Reply reply = api.post("/api/tasks", json);
        assertThat(reply.status()).as("submit %s -> %s", json, reply).isEqualTo(202);
        return reply.json().getString("id");
    }

    /** Cancels the task if it is not finished yet (test clean-up: never leaves work running on the server). */
    public void cancelIfUnfinished(String id) {
        if (!isTerminal(get(id))) {
            api.post("/api/tasks/" + id + "/cancel", "");
        }
    }

    public JsonObject get(String id) {
        Api.Reply reply = api.get("/api/tasks/" + id);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    public static String status(JsonObject task) {
        return task.getString("status");
    }

    /** Waits until the task has {@code status}; fails early if it ends in another terminal status. */
    public JsonObject awaitStatus(String id, String status, Duration max) {
        return awaitTask(
                id, max, task -> status.equals(status(task)), task -> isTerminal(task) && !status.equals(status(task)));
    }

    /** Waits until the task matches {@code condition}. */
    public JsonObject awaitTask(String id, Duration max, Predicate<JsonObject> condition) {
        return awaitTask(id, max, condition, task -> false);
    }

    private JsonObject awaitTask(
            String id, Duration max, Predicate<JsonObject> condition, Predicate<JsonObject> hopeless) {
        JsonObject[] last = new JsonObject[1];
        Awaitility.await("task " + id)
                .atMost(max)
                .pollInterval(Duration.ofMillis(50))
                .failFast("task " + id + " can no longer get there", () -> {
                    if (last[0] != null && hopeless.test(last[0])) {
                        throw new AssertionError("task " + id + " ended otherwise: " + last[0]);
                    }
                })
                .until(
                        () -> {
                            last[0] = get(id);
                            return last[0];
                        },
                        condition);
        return last[0];
    }

    public static boolean isTerminal(JsonObject task) {
        return List.of("SUCCEEDED", "ERROR", "CANCELLED").contains(status(task));
    }

    /** Every task {@code GET /api/tasks?<query>} lists, following the cursor page by page. */
    public List<JsonObject> list(String query) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/tasks?limit=1000&" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Api.Reply reply = api.get(path);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonObject page = reply.json();
            page.getJsonArray("items").forEach(item -> all.add(item.asJsonObject()));
            cursor = page.get("nextCursor") == JsonValue.NULL ? null : page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    /** The children of a split parent, as {@code GET /api/tasks?parent=} lists them. */
    public List<JsonObject> children(String parentId) {
        return list("parent=" + parentId);
    }

    /** Submits every body with {@code threads} concurrent HTTP clients; returns the ids in body order. */
    public List<String> submitAll(List<String> bodies, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>(bodies.size());
            for (String body : bodies) {
                futures.add(pool.submit(() -> submit(body)));
            }
            List<String> ids = new ArrayList<>(bodies.size());
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until no task is QUEUED, RUNNING, WAITING or COMPLETE (earlier tests left nothing running). */
    public void awaitIdle(Duration max) {
        Awaitility.await("an idle server")
                .atMost(max)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonObject counts = api.get("/api/queues")
                            .json()
                            .getJsonArray("items")
                            .getJsonObject(0)
                            .getJsonObject("tasksByStatus");
                    return List.of("QUEUED", "RUNNING", "WAITING", "COMPLETE").stream()
                            .allMatch(s -> counts.getInt(s, 0) == 0);
                });
    }
}

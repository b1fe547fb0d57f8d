package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Task-level steps over {@link Api} for black-box tests: submit, read, wait for a status, list, clean up. */
public final class Tasks {

    public static final String BASE = "/api/tasks";
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "ERROR", "CANCELLED");

    private final Api api;

    private Tasks(Api api) {
        this.api = api;
    }

    public static Tasks of(Api api) {
        return new Tasks(api);
    }

    /** Awaitility with the timeout every black-box test uses. */
    public static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    /** A value no other test (or earlier run against the same database) uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }

    /** Submits {@code json} and asserts the 202; returns the QUEUED task. */
    public JsonObject submit(String json) {
        Api.Reply reply = api.post(BASE, json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return reply.json();
    }

    public String submitId(String json) {
        return submit(json).getString("id");
    }

    /** A task sleeping a minute: it stays RUNNING until cancelled. */
    public String submitLongSleep() {
        return submitId("{\"handler\":\"sleep\",\"params\":{\"ms\":60000}}");
    }

    public JsonObject get(String id) {
        Api.Reply reply = api.get(BASE + "/" + id);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    public String status(String id) {
        return get(id).getString("status");
    }

    public JsonObject awaitStatus(String id, String status) {
        await().until(() -> status(id), status::equals);
        return get(id);
    }

    /** Cancels and asserts the 200 with the CANCELLED task. */
    public JsonObject cancel(String id) {
        Api.Reply reply = api.post(BASE + "/" + id + "/cancel");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("CANCELLED");
        return reply.json();
    }

    /** Cleanup: cancels each task that is not terminal yet, so no sleeper outlives its test. */
    public void cancelUnfinished(String... ids) {
        for (String id : ids) {
            Api.Reply task = api.get(BASE + "/" + id);
            if (task.status() == 200 && !TERMINAL.contains(task.json().getString("status"))) {
                api.post(BASE + "/" + id + "/cancel");
            }
        }
    }

    /** One page of {@code GET /api/tasks?query}; asserts the 200. */
    public JsonObject page(String query) {
        Api.Reply reply = api.get(BASE + "?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The ids on one page, in the order listed. */
    public static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(task -> task.getString("id"))
                .toList();
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Workflow steps over {@link Api} for black-box tests. Definitions are test resources:
 * {@code src/test/resources/workflows/<name>.json}, whose {@code "name"} is {@code <name>} (a resource in a
 * sub-folder, e.g. {@code invalid/cycle}, is read with {@link #definition} and posted by the test itself).
 */
public final class Workflows {

    public static final String BASE = "/api/workflows";
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT");

    private final Api api;

    private Workflows(Api api) {
        this.api = api;
    }

    public static Workflows of(Api api) {
        return new Workflows(api);
    }

    /** The text of {@code workflows/<resource>.json}. */
    public static String definition(String resource) {
        String path = "/workflows/" + resource + ".json";
        try (InputStream in = Workflows.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves {@code workflows/<name>.json} as a new version; asserts the 201 and returns the summary. */
    public JsonObject save(String name) {
        Api.Reply reply = api.post(BASE, definition(name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    /** Starts the latest version of workflow {@code name} with {@code inputJson} (an object, or null); asserts the 201. */
    public JsonObject start(String name, String inputJson) {
        Api.Reply reply = api.post(BASE + "/" + name + "/runs", "{\"input\":" + inputJson + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    /** {@code GET /api/runs/{id}}; asserts the 200. */
    public JsonObject run(String runId) {
        Api.Reply reply = api.get("/api/runs/" + runId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /**
     * Waits (30 s at most) until the run has {@code status} and returns it; fails at once when the run
     * ends with another status (FAILED counts as an end: only a retry moves it on).
     */
    public JsonObject awaitStatus(String runId, String status) {
        Tasks.await().alias("run " + runId + " becomes " + status).until(() -> {
            JsonObject run = run(runId);
            String now = run.getString("status");
            if (!now.equals(status) && ENDED.contains(now)) {
                throw new AssertionError("run ended " + now + ", not " + status + ": " + run);
            }
            return now.equals(status);
        });
        return run(runId);
    }

    /** Waits until action {@code actionId} of the run has {@code status}; returns the run. */
    public JsonObject awaitAction(String runId, String actionId, String status) {
        Tasks.await()
                .alias("action " + actionId + " of run " + runId + " becomes " + status)
                .until(() -> action(run(runId), actionId).getString("status"), status::equals);
        return run(runId);
    }

    /** The action {@code actionId} of a run document. */
    public static JsonObject action(JsonObject run, String actionId) {
        return run.getJsonArray("actions").stream()
                .map(a -> a.asJsonObject())
                .filter(a -> a.getString("id").equals(actionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("run has no action " + actionId + ": " + run));
    }
}

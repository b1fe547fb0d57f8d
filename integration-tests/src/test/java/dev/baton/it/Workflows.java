package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Workflow definitions from test resources ({@code workflows/<file>.json}) and runs of them, over REST. */
public final class Workflows {

    private final Api api;

    public Workflows(Api api) {
        this.api = api;
    }

    /** The text of {@code workflows/<file>.json}. */
    public static String definition(String file) {
        try (InputStream in = Workflows.class.getResourceAsStream("/workflows/" + file + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource workflows/" + file + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves {@code workflows/<file>.json}; returns the saved version's JSON (201 expected). */
    public JsonObject save(String file) {
        Api.Reply reply = api.post("/api/workflows", definition(file));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    /** Starts the latest version of workflow {@code name} with {@code inputJson}; returns the run id. */
    public String start(String name, String inputJson) {
        Api.Reply reply = api.post("/flow/execute", "{\"name\":\"" + name + "\",\"input\":" + inputJson + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    public JsonObject run(String runId) {
        Api.Reply reply = api.get("/api/runs/" + runId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Waits (up to 60 s) until the run has {@code status}; returns the run. */
    public JsonObject awaitStatus(String runId, String status) {
        Awaitility.await("run " + runId + " " + status)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> run(runId).getString("status"), status::equals);
        return run(runId);
    }

    /** Waits until action {@code actionId} of the run has {@code status}; returns the run. */
    public JsonObject awaitAction(String runId, String actionId, String status) {
        Awaitility.await("action " + actionId + " of run " + runId + " " + status)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> action(run(runId), actionId).getString("status"), status::equals);
        return run(runId);
    }

    /** Action {@code id} of a run document. */
    public static JsonObject action(JsonObject run, String id) {
        return run.getJsonArray("actions").stream()
                .map(v -> v.asJsonObject())
                .filter(a -> a.getString("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("run has no action " + id + ": " + run));
    }
}

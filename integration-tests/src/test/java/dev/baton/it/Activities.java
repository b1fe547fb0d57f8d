package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Activity steps over {@link Api} for black-box tests: register plugins, start and read runs, wait. */
public final class Activities {

    public static final String RUNS = "/api/activity-runs";
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final Api api;

    private Activities(Api api) {
        this.api = api;
    }

    public static Activities of(Api api) {
        return new Activities(api);
    }

    /** An activity name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Awaitility with a generous timeout (the machine is shared). */
    public static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    /** Registers a plugin (asserts 200/201). */
    public void register(String activity, String registration) {
        Api.Reply reply = api.post("/api/activities/" + activity + "/plugins", registration);
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    }

    /** Starts a run with {@code metadataJson}; asserts the 201 and returns the run. */
    public JsonObject start(String activity, String metadataJson) {
        Api.Reply reply = api.post("/api/activities/" + activity + "/runs", "{\"metadata\":" + metadataJson + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    public String startId(String activity, String metadataJson) {
        return start(activity, metadataJson).getString("id");
    }

    /** {@code GET /api/activity-runs/{id}}; asserts the 200. */
    public JsonObject get(String id) {
        Api.Reply reply = api.get(RUNS + "/" + id);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Waits until the run ended (COMPLETED, FAILED, CANCELLED) and returns it. */
    public JsonObject awaitEnd(String id) {
        return await().alias("activity run " + id + " ends")
                .until(() -> get(id), run -> ENDED.contains(run.getString("status")));
    }

    /** Waits until plugin {@code plugin} of the run has {@code status} and returns the run. */
    public JsonObject awaitPlugin(String id, String plugin, String status) {
        return await().alias("plugin " + plugin + " of activity run " + id + " becomes " + status)
                .until(() -> get(id), run -> status.equals(plugin(run, plugin).getString("status")));
    }

    /** {@code GET /api/tasks/{id}}. */
    public JsonObject task(String taskId) {
        return api.get("/api/tasks/" + taskId).json();
    }

    /** Waits until the task has {@code status} and returns it. */
    public JsonObject awaitTask(String taskId, String status) {
        return await().alias("task " + taskId + " becomes " + status)
                .until(() -> task(taskId), t -> status.equals(t.getString("status")));
    }

    public static List<JsonObject> stage(JsonObject run, String stage) {
        return run.getJsonObject("plugins").getJsonArray(stage).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    /** The plugin {@code name} of a run document, whatever its stage. */
    public static JsonObject plugin(JsonObject run, String name) {
        for (String stage : List.of("pre", "parallel", "post")) {
            for (JsonObject p : stage(run, stage)) {
                if (p.getString("name").equals(name)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no plugin " + name + " in " + run);
    }

    /** The path of a plugin's reports: {@code /api/activity-runs/{id}/plugins/{plugin}/{kind}}. */
    public static String report(String runId, String plugin, String kind) {
        return RUNS + "/" + runId + "/plugins/" + plugin + "/" + kind;
    }
}

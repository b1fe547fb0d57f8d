package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An activity run survives kill -9 of its node in the middle of its parallel stage: after the restart its
 * batch job is restarted (a new execution), the pre plugin that had completed is not run again, the
 * interrupted parallel plugins run to completion and the post stage runs. A server of its own on the
 * port offset {@code baton.it.crash.offset}.
 */
class ActivityCrashRecoveryIT {

    @Test
    void aRunInterruptedByACrashResumesWithoutReRunningCompletedPlugins() throws Exception {
        int offset = Integer.getInteger("baton.it.crash.offset", 600);
        try (ServerProcess server = ServerProcess.fresh("activity-crash-server-base", offset)) {
            server.start();
            Api api = Api.adminAt(server.baseUrl());
            Api worker = Api.adminAt(server.baseUrl());
            String plugins = "/api/activities/crash/plugins";
            worker.post(plugins, "{\"name\":\"first\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\"}");
            worker.post(plugins, "{\"name\":\"a\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
            worker.post(plugins, "{\"name\":\"b\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
            worker.post(plugins, "{\"name\":\"last\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
            Api.Reply started = api.post("/api/activities/crash/runs", "{\"metadata\":{\"ms\":4000}}");
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            String id = started.json().getString("id");

            Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        JsonObject run = api.get("/api/activity-runs/" + id).json();
                        return stage(run, "parallel").stream()
                                .allMatch(p -> "InProgress".equals(p.getString("status")));
                    });
            JsonObject before = api.get("/api/activity-runs/" + id).json();
            assertThat(plugin(before, "first").getString("status")).isEqualTo("Complete");
            String firstTask = plugin(before, "first").getString("taskId");
            long executionBefore = before.getJsonNumber("batchExecutionId").longValue();
            server.kill9();

            server.start();

            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !"RUNNING"
                            .equals(api.get("/api/activity-runs/" + id).json().getString("status")));
            JsonObject run = api.get("/api/activity-runs/" + id).json();
            assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
            assertThat(run.getJsonNumber("batchExecutionId").longValue())
                    .as("the job was restarted as a new execution")
                    .isNotEqualTo(executionBefore);
            for (String name : List.of("first", "a", "b", "last")) {
                assertThat(plugin(run, name).getString("status")).as(name).isEqualTo("Complete");
            }
            assertThat(plugin(run, "first").getString("taskId")).isEqualTo(firstTask);
            JsonObject first = api.get("/api/tasks/" + firstTask).json();
            assertThat(first.getJsonArray("attempts"))
                    .as("the completed pre plugin ran once")
                    .hasSize(1);
            for (String name : List.of("a", "b")) {
                JsonObject task = api.get("/api/tasks/" + plugin(run, name).getString("taskId"))
                        .json();
                assertThat(task.getString("status")).isEqualTo("SUCCEEDED");
            }
        }
    }

    private static List<JsonObject> stage(JsonObject run, String stage) {
        return run.getJsonObject("plugins").getJsonArray(stage).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static JsonObject plugin(JsonObject run, String name) {
        for (String stage : List.of("pre", "parallel", "post")) {
            for (JsonObject p : stage(run, stage)) {
                if (p.getString("name").equals(name)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no plugin " + name + " in " + run);
    }
}

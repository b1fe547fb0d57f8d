package dev.baton.it;

import static dev.baton.it.Activities.plugin;
import static dev.baton.it.Activities.stage;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An activity run survives kill -9 of its node in the middle of its parallel stage, and only its own
 * node resumes it. The run starts on node {@code node-a}, which is killed; the same server (same
 * database) then starts as {@code node-b}, whose recovery must leave the run alone (same job execution,
 * plugins still InProgress). Killed again and started as {@code node-a}, the run's batch job is restarted
 * (a new execution), the pre plugin that had completed is not run again, the interrupted parallel
 * plugins run to completion and the post stage runs. A server of its own on the port offset {@code
 * baton.it.crash.offset}.
 */
class ActivityCrashRecoveryIT {

    @Test
    void onlyItsOwnNodeResumesARunInterruptedByACrashWithoutReRunningCompletedPlugins() throws Exception {
        int offset = Integer.getInteger("baton.it.crash.offset", 600);
        try (ServerProcess server = ServerProcess.fresh("activity-crash-server-base", offset)) {
            server.systemProperty("baton.node", "node-a").start();
            Api api = Api.adminAt(server.baseUrl());
            String plugins = "/api/activities/crash/plugins";
            api.post(plugins, "{\"name\":\"first\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\"}");
            api.post(plugins, "{\"name\":\"a\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
            api.post(plugins, "{\"name\":\"b\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
            api.post(plugins, "{\"name\":\"last\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
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
            assertThat(before.getString("node")).isEqualTo("node-a");
            assertThat(plugin(before, "first").getString("status")).isEqualTo("Complete");
            String firstTask = plugin(before, "first").getString("taskId");
            long executionBefore = before.getJsonNumber("batchExecutionId").longValue();
            server.kill9();

            server.systemProperty("baton.node", "node-b").start();
            Awaitility.await("node-b's activity recovery")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> server.console().contains("Activity recovery on node node-b: resumed 0 "));
            JsonObject onNodeB = api.get("/api/activity-runs/" + id).json();
            assertThat(onNodeB.getString("status")).as(onNodeB.toString()).isEqualTo("RUNNING");
            assertThat(onNodeB.getString("node")).isEqualTo("node-a");
            assertThat(onNodeB.getJsonNumber("batchExecutionId").longValue())
                    .as("node-b did not restart node-a's job")
                    .isEqualTo(executionBefore);
            for (String name : List.of("a", "b")) {
                assertThat(plugin(onNodeB, name).getString("status")).as(name).isEqualTo("InProgress");
            }
            server.kill9();

            server.systemProperty("baton.node", "node-a").start();

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
            assertThat(run.getString("node")).isEqualTo("node-a");
            assertThat(server.console()).contains("Activity recovery on node node-a: resumed 1 ");
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
}

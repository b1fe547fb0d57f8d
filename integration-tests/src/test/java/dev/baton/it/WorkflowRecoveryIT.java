package dev.baton.it;

import static dev.baton.it.Workflows.action;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Workflow runs survive a kill -9 of the server: a run whose task was running, a run waiting on a
 * delay timer and a run waiting for an event all continue after the restart, and no action runs twice
 * (the interrupted task is retried as the same task; the actions after it run once).
 */
class WorkflowRecoveryIT {

    @Test
    void runsContinueAfterKillMinus9AndNoActionRunsTwice() {
        int offset = Integer.getInteger("baton.it.crash.offset", 600);
        try (ServerProcess server = ServerProcess.fresh("workflow-crash-server-base", offset)) {
            server.start();
            Api api = Api.adminAt(server.baseUrl());
            Workflows workflows = Workflows.of(api);
            workflows.save("recover");
            workflows.save("wait-long");

            String delayed = workflows.start("recover", "{}").getString("id");
            workflows.awaitAction(delayed, "2", "WAITING");
            String waiting = workflows.start("waitLong", "{}").getString("id");
            workflows.awaitAction(waiting, "ask", "WAITING");
            String sleeping = workflows.start("recover", "{}").getString("id");
            JsonObject running = workflows.awaitAction(sleeping, "1", "RUNNING");
            String sleepTask = action(running, "1").getString("taskId");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/api/tasks/" + sleepTask).json().getString("status"), "RUNNING"::equals);

            server.kill9();
            server.start();

            JsonObject afterDelay = workflows.awaitStatus(delayed, "COMPLETED");
            assertRanOnce(api, afterDelay, "1", "3");
            assertThat(action(afterDelay, "3").getJsonObject("input").getInt("slept"))
                    .isEqualTo(3000);

            JsonObject afterSleep = workflows.awaitStatus(sleeping, "COMPLETED");
            assertThat(action(afterSleep, "1").getString("taskId")).isEqualTo(sleepTask);
            JsonObject task = api.get("/api/tasks/" + sleepTask).json();
            assertThat(task.getJsonArray("attempts").stream()
                            .map(a -> a.asJsonObject().getString("outcome"))
                            .toList())
                    .as("the interrupted attempt is recorded, then the task is retried")
                    .containsExactly("INTERRUPTED", "SUCCEEDED");
            assertRanOnce(api, afterSleep, "3");

            assertThat(api.post("/api/runs/" + waiting + "/events/approved", "{\"by\": \"after restart\"}")
                            .status())
                    .isEqualTo(200);
            JsonObject afterEvent = workflows.awaitStatus(waiting, "COMPLETED");
            assertThat(action(afterEvent, "yes").getJsonObject("input").getString("by"))
                    .isEqualTo("after restart");
        }
    }

    /** Each named action started once and its task has exactly one attempt. */
    private static void assertRanOnce(Api api, JsonObject run, String... actionIds) {
        for (String id : actionIds) {
            JsonObject action = action(run, id);
            assertThat(action.getInt("attempts")).as("action %s attempts", id).isEqualTo(1);
            JsonObject task =
                    api.get("/api/tasks/" + action.getString("taskId")).json();
            assertThat(task.getJsonArray("attempts"))
                    .as("task of action %s", id)
                    .hasSize(1);
        }
    }
}

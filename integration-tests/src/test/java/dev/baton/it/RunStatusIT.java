package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/runs/{id}/status}: a workflow run's status document, with each activity action's
 * plugins per stage (Pending / InProgress / Complete / Error) and a flat summary of the other actions.
 */
@ExtendWith(ArquillianExtension.class)
class RunStatusIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api worker = Api.as("worker", "worker");

    private void register(String activity, String body) {
        Api.Reply reply = worker.post("/api/activities/" + activity + "/plugins", body);
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    }

    private JsonObject status(Api api, String runId) {
        Api.Reply reply = api.get("/api/runs/" + runId + "/status");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<JsonObject> stage(JsonObject activity, String stage) {
        return activity.getJsonObject("stages").getJsonArray(stage).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static JsonObject plugin(JsonObject activity, String stage, String name) {
        return stage(activity, stage).stream()
                .filter(p -> p.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no plugin " + name + " in " + activity));
    }

    @Test
    void theStatusDocumentShowsEachActivityPluginsProgress() {
        register("status-activity", "{\"name\":\"gate\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\"}");
        register("status-activity", "{\"name\":\"slow\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        register(
                "status-activity",
                "{\"name\":\"flaky\",\"stage\":\"parallel\",\"handler\":\"fail\",\"optional\":true}");
        register("status-activity", "{\"name\":\"after\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
        Workflows workflows = Workflows.of(admin);
        workflows.save("activity-status");
        String runId = workflows.start("activity-status", "{}").getString("id");

        Tasks.await().alias("plugin slow in progress").untilAsserted(() -> {
            JsonObject doc = status(worker, runId);
            JsonObject activity = doc.getJsonArray("activities").getJsonObject(0);
            assertThat(activity.isNull("activityRunId")).as(doc.toString()).isFalse();
            assertThat(plugin(activity, "parallel", "slow").getString("status"))
                    .as(doc.toString())
                    .isEqualTo("InProgress");
        });
        JsonObject running = status(admin, runId);
        assertThat(running.getString("status")).isEqualTo("RUNNING");
        JsonObject runningActivity = running.getJsonArray("activities").getJsonObject(0);
        assertThat(runningActivity.getString("activityStatus")).isEqualTo("RUNNING");
        assertThat(runningActivity.getString("actionStatus")).isEqualTo("RUNNING");
        assertThat(plugin(runningActivity, "pre", "gate").getString("status")).isEqualTo("Complete");
        assertThat(plugin(runningActivity, "post", "after").getString("status")).isEqualTo("Pending");
        assertThat(plugin(runningActivity, "parallel", "slow").containsKey("endTime"))
                .isFalse();

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");
        JsonObject doc = status(admin, runId);

        assertThat(doc.getString("id")).isEqualTo(runId);
        assertThat(doc.getString("workflow")).isEqualTo("activity-status");
        assertThat(doc.getString("status")).isEqualTo("COMPLETED");
        assertThat(doc.getString("startTime")).isEqualTo(run.getString("startTime"));
        assertThat(doc.getString("endTime")).isEqualTo(run.getString("endTime"));
        assertThat(doc.getJsonArray("actions")).hasSize(1);
        JsonObject echo = doc.getJsonArray("actions").getJsonObject(0);
        assertThat(echo.getString("id")).isEqualTo("1");
        assertThat(echo.getString("name")).isEqualTo("echo");
        assertThat(echo.getString("status")).isEqualTo("COMPLETED");

        assertThat(doc.getJsonArray("activities")).hasSize(1);
        JsonObject activity = doc.getJsonArray("activities").getJsonObject(0);
        assertThat(activity.getString("actionId")).isEqualTo("check");
        assertThat(activity.getString("activity")).isEqualTo("status-activity");
        assertThat(activity.getString("actionStatus")).isEqualTo("COMPLETED");
        assertThat(activity.getString("activityRunId"))
                .isEqualTo(Workflows.action(run, "check").getString("activityRunId"));
        assertThat(activity.getString("activityStatus")).isEqualTo("COMPLETED");
        assertThat(stage(activity, "pre").stream().map(p -> p.getString("name")))
                .containsExactly("gate");
        assertThat(stage(activity, "parallel").stream().map(p -> p.getString("name")))
                .containsExactlyInAnyOrder("slow", "flaky");
        assertThat(stage(activity, "post").stream().map(p -> p.getString("name")))
                .containsExactly("after");
        for (String[] p : new String[][] {{"pre", "gate"}, {"parallel", "slow"}, {"post", "after"}}) {
            JsonObject plugin = plugin(activity, p[0], p[1]);
            assertThat(plugin.getString("status")).as(p[1]).isEqualTo("Complete");
            assertThat(plugin.getBoolean("optional")).isFalse();
            assertThat(plugin.getString("taskId")).isNotBlank();
            assertThat(Instant.parse(plugin.getString("endTime")))
                    .isAfterOrEqualTo(Instant.parse(plugin.getString("startTime")));
        }
        JsonObject flaky = plugin(activity, "parallel", "flaky");
        assertThat(flaky.getString("status")).isEqualTo("Error");
        assertThat(flaky.getBoolean("optional")).isTrue();
        assertThat(flaky.getString("message")).contains("broken");
        assertThat(flaky.getString("taskId")).isNotBlank();
    }

    @Test
    void aPluginReportsProgressWhileInProgressAndItShowsInTheStatusDocument() {
        String activity = "progress-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        register(activity, "{\"name\":\"slow\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        register(activity, "{\"name\":\"later\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
        Api.Reply saved = admin.post(
                Workflows.BASE,
                "{\"name\":\"" + activity + "\",\"rootAction\":\"a\",\"actions\":[{\"id\":\"a\","
                        + "\"type\":\"activity\",\"name\":\"" + activity + "\",\"parameters\":{\"ms\":3000}}]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        Workflows workflows = Workflows.of(admin);
        String runId = workflows.start(activity, "{}").getString("id");
        Tasks.await().alias("plugin slow in progress").untilAsserted(() -> {
            JsonObject doc = status(admin, runId);
            JsonObject a = doc.getJsonArray("activities").getJsonObject(0);
            assertThat(a.isNull("activityRunId")).as(doc.toString()).isFalse();
            assertThat(plugin(a, "parallel", "slow").getString("status")).isEqualTo("InProgress");
        });
        String activityRunId =
                status(admin, runId).getJsonArray("activities").getJsonObject(0).getString("activityRunId");
        String base = "/api/activity-runs/" + activityRunId + "/plugins/";

        Api.Reply reported = worker.post(base + "slow/progress", "{\"message\":\"half way: 50%\"}");

        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.json().getString("message")).isEqualTo("half way: 50%");
        JsonObject a = status(admin, runId).getJsonArray("activities").getJsonObject(0);
        assertThat(plugin(a, "parallel", "slow").getString("message")).isEqualTo("half way: 50%");
        assertThat(worker.post(base + "later/progress", "{\"message\":\"x\"}").status())
                .isEqualTo(409);
        assertThat(worker.post(base + "nope/progress", "{\"message\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(worker.post(base + "slow/progress", "{\"message\":1}").status())
                .isEqualTo(400);
        assertThat(Api.as("submitter", "submitter")
                        .post(base + "slow/progress", "{\"message\":\"x\"}")
                        .status())
                .isEqualTo(403);

        workflows.awaitStatus(runId, "COMPLETED");
        JsonObject ended = status(admin, runId).getJsonArray("activities").getJsonObject(0);
        assertThat(plugin(ended, "parallel", "slow").getString("status")).isEqualTo("Complete");
        assertThat(plugin(ended, "parallel", "slow").getString("message")).isEqualTo("half way: 50%");
        assertThat(worker.post(base + "slow/progress", "{\"message\":\"late\"}").status())
                .isEqualTo(409);
    }

    @Test
    void anUnknownRunIs404() {
        assertThat(admin.get("/api/runs/no-such-run/status").status()).isEqualTo(404);
    }
}

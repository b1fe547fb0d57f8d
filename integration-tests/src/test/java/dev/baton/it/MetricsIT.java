package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/metrics} and {@code GET /api/metrics/prometheus}: while a workflow run holds an activity
 * plugin InProgress the gauges count it; once it ends its per-workflow/activity/stage series disappear.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api worker = Api.as("worker", "worker");

    private JsonObject json(Api api) {
        Api.Reply reply = api.get("/api/metrics");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private String prometheus(Api api) {
        Api.Reply reply = api.get("/api/metrics/prometheus");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain").contains("version=0.0.4");
        return reply.body();
    }

    @Test
    void gaugesCountARunningWorkflowActivityAndPluginThenDropOnceItEnds() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String activity = "metrics-" + id;
        String workflow = "metrics-wf-" + id;
        Api.Reply registered = worker.post(
                "/api/activities/" + activity + "/plugins",
                "{\"name\":\"slow\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
        Api.Reply saved = admin.post(
                Workflows.BASE,
                "{\"name\":\"" + workflow + "\",\"rootAction\":\"a\",\"actions\":[{\"id\":\"a\","
                        + "\"type\":\"activity\",\"name\":\"" + activity + "\",\"parameters\":{\"ms\":3000}}]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        Workflows workflows = Workflows.of(admin);
        String runId = workflows.start(workflow, "{}").getString("id");

        Tasks.await().alias("plugin counted").untilAsserted(() -> {
            JsonObject m = json(worker);
            assertThat(m.getJsonObject("activityPlugins").getJsonObject("activeByActivity"))
                    .as(m.toString())
                    .containsKey(activity);
        });
        JsonObject m = json(Api.as("submitter", "submitter"));
        assertThat(m.getJsonObject("workflowRuns")
                        .getJsonObject("activeByWorkflow")
                        .getInt(workflow))
                .isEqualTo(1);
        assertThat(m.getJsonObject("workflowRuns").getInt("active")).isPositive();
        assertThat(m.getJsonObject("activityRuns")
                        .getJsonObject("activeByActivity")
                        .getInt(activity))
                .isEqualTo(1);
        assertThat(m.getJsonObject("activityPlugins")
                        .getJsonObject("activeByActivity")
                        .getJsonObject(activity)
                        .getInt("parallel"))
                .isEqualTo(1);
        assertThat(m.getJsonObject("tasks").getJsonObject("byStatus").containsKey("QUEUED"))
                .isTrue();
        String text = prometheus(admin);
        assertThat(text)
                .contains("# TYPE baton_workflow_runs_active gauge\n")
                .contains("baton_workflow_runs_active{workflow=\"" + workflow + "\"} 1\n")
                .contains("baton_activity_runs_active{activity=\"" + activity + "\"} 1\n")
                .contains("baton_activity_plugins_active{activity=\"" + activity + "\",stage=\"parallel\"} 1\n")
                .containsPattern("baton_tasks\\{status=\"QUEUED\"} \\d+\n");

        workflows.awaitStatus(runId, "COMPLETED");
        JsonObject after = json(admin);
        assertThat(after.getJsonObject("workflowRuns").getJsonObject("activeByWorkflow"))
                .doesNotContainKey(workflow);
        assertThat(after.getJsonObject("activityRuns").getJsonObject("activeByActivity"))
                .doesNotContainKey(activity);
        assertThat(after.getJsonObject("activityPlugins").getJsonObject("activeByActivity"))
                .doesNotContainKey(activity);
        assertThat(prometheus(admin)).doesNotContain(workflow).doesNotContain(activity);
    }

    @Test
    void metricsNeedARole() {
        assertThat(Api.anonymous().get("/api/metrics").status()).isEqualTo(401);
        assertThat(Api.anonymous().get("/api/metrics/prometheus").status()).isEqualTo(401);
    }
}

package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of activity runs over REST: plugins register, {@code POST /api/activities/{name}/runs}
 * starts a run (a Jakarta Batch job), {@code GET /api/activity-runs/{id}} shows its progress. Every
 * plugin's task gets the run's metadata as params, so {@code sleep} plugins sleep {@code metadata.ms}.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityRunsIT {

    private static final Duration MAX = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api worker = Api.as("worker", "worker");

    private static String activity() {
        return "run-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void register(String activity, String body) {
        Api.Reply reply = worker.post("/api/activities/" + activity + "/plugins", body);
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    }

    private JsonObject start(String activity, String metadata) {
        Api.Reply reply = admin.post("/api/activities/" + activity + "/runs", "{\"metadata\":" + metadata + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject run = reply.json();
        assertThat(reply.header("Location")).endsWith("/api/activity-runs/" + run.getString("id"));
        assertThat(run.getString("activity")).isEqualTo(activity);
        return run;
    }

    private JsonObject get(String id) {
        Api.Reply reply = admin.get("/api/activity-runs/" + id);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private JsonObject awaitEnd(String id) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        Awaitility.await().atMost(MAX).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last.set(get(id));
            assertThat(last.get().getString("status")).as(last.get().toString()).isIn("COMPLETED", "FAILED");
        });
        return last.get();
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

    private static Instant start(JsonObject plugin) {
        return Instant.parse(plugin.getString("startTime"));
    }

    private static Instant end(JsonObject plugin) {
        return Instant.parse(plugin.getString("endTime"));
    }

    @Test
    void preRunsInOrderThenParallelThenPostInOrder() {
        String activity = activity();
        register(activity, "{\"name\":\"second\",\"stage\":\"pre\",\"order\":2,\"handler\":\"sleep\"}");
        register(activity, "{\"name\":\"first\",\"stage\":\"pre\",\"order\":1,\"handler\":\"sleep\"}");
        register(activity, "{\"name\":\"p1\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        register(activity, "{\"name\":\"p2\",\"stage\":\"parallel\",\"handler\":\"echo\"}");
        register(activity, "{\"name\":\"last\",\"stage\":\"post\",\"order\":9,\"handler\":\"echo\"}");
        register(activity, "{\"name\":\"cleanup\",\"stage\":\"post\",\"order\":3,\"handler\":\"sleep\"}");

        JsonObject started = start(activity, "{\"ms\":200}");
        assertThat(started.getString("status")).isIn("PENDING", "RUNNING");
        assertThat(stage(started, "pre").stream().map(p -> p.getString("name"))).containsExactly("first", "second");
        JsonObject run = awaitEnd(started.getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.getJsonNumber("batchExecutionId").longValue()).isPositive();
        assertThat(run.containsKey("endTime")).isTrue();
        for (String name : List.of("first", "second", "p1", "p2", "cleanup", "last")) {
            JsonObject p = plugin(run, name);
            assertThat(p.getString("status")).as(name).isEqualTo("Complete");
            assertThat(p.getString("taskId")).isNotBlank();
            assertThat(end(p)).isAfterOrEqualTo(start(p));
        }
        assertThat(end(plugin(run, "first"))).isBeforeOrEqualTo(start(plugin(run, "second")));
        for (String parallel : List.of("p1", "p2")) {
            assertThat(end(plugin(run, "second"))).isBeforeOrEqualTo(start(plugin(run, parallel)));
            assertThat(end(plugin(run, parallel))).isBeforeOrEqualTo(start(plugin(run, "cleanup")));
        }
        assertThat(end(plugin(run, "cleanup"))).isBeforeOrEqualTo(start(plugin(run, "last")));

        JsonObject task = admin.get("/api/tasks/" + plugin(run, "first").getString("taskId"))
                .json();
        assertThat(task.getString("handler")).isEqualTo("sleep");
        assertThat(task.getJsonObject("params").getInt("ms")).isEqualTo(200);
    }

    @Test
    void parallelPluginsRunAtTheSameTime() {
        String activity = activity();
        for (String name : List.of("a", "b", "c")) {
            register(activity, "{\"name\":\"" + name + "\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        }

        JsonObject run = awaitEnd(start(activity, "{\"ms\":1500}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        List<JsonObject> plugins = stage(run, "parallel");
        assertThat(plugins).hasSize(3);
        Instant firstStart = plugins.stream()
                .map(ActivityRunsIT::start)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant lastStart = plugins.stream()
                .map(ActivityRunsIT::start)
                .max(Instant::compareTo)
                .orElseThrow();
        Instant firstEnd = plugins.stream()
                .map(ActivityRunsIT::end)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant lastEnd = plugins.stream()
                .map(ActivityRunsIT::end)
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(lastStart).as("every plugin started before any ended").isBefore(firstEnd);
        assertThat(Duration.between(firstStart, lastEnd)).isLessThan(Duration.ofMillis(4000));
    }

    @Test
    void onlyPluginsWhoseFilterMatchesTheMetadataRun() {
        String activity = activity();
        register(
                activity, "{\"name\":\"eu\",\"stage\":\"parallel\",\"handler\":\"echo\",\"filter\":\"region = 'EU'\"}");
        register(
                activity, "{\"name\":\"us\",\"stage\":\"parallel\",\"handler\":\"echo\",\"filter\":\"region = 'US'\"}");
        register(activity, "{\"name\":\"all\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");

        JsonObject run = awaitEnd(start(activity, "{\"region\":\"EU\"}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(stage(run, "parallel").stream().map(p -> p.getString("name")))
                .containsExactly("eu");
        assertThat(stage(run, "post").stream().map(p -> p.getString("name"))).containsExactly("all");
        assertThat(run.getJsonObject("metadata").getString("region")).isEqualTo("EU");
    }

    @Test
    void theRunKeepsThePlanOfItsStart() {
        String activity = activity();
        register(activity, "{\"name\":\"slow\",\"stage\":\"pre\",\"order\":1,\"handler\":\"sleep\"}");
        String id = start(activity, "{\"ms\":1000}").getString("id");

        register(activity, "{\"name\":\"late\",\"stage\":\"parallel\",\"handler\":\"echo\"}");
        JsonObject run = awaitEnd(id);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(stage(run, "parallel")).isEmpty();
    }

    @Test
    void anOptionalPluginsFailureIsRecordedAndTheRunCompletes() {
        String activity = activity();
        register(activity, "{\"name\":\"flaky\",\"stage\":\"parallel\",\"handler\":\"fail\",\"optional\":true}");
        register(activity, "{\"name\":\"fine\",\"stage\":\"parallel\",\"handler\":\"echo\"}");
        register(activity, "{\"name\":\"after\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");

        JsonObject run = awaitEnd(start(activity, "{\"message\":\"broken\"}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.containsKey("error")).isFalse();
        JsonObject flaky = plugin(run, "flaky");
        assertThat(flaky.getString("status")).isEqualTo("Error");
        assertThat(flaky.getString("message")).contains("broken");
        assertThat(plugin(run, "fine").getString("status")).isEqualTo("Complete");
        assertThat(plugin(run, "after").getString("status")).isEqualTo("Complete");
    }

    @Test
    void aRequiredPluginsFailureFailsTheRunAndLaterStagesNeverRun() {
        String activity = activity();
        register(activity, "{\"name\":\"gate\",\"stage\":\"pre\",\"order\":1,\"handler\":\"fail\"}");
        register(activity, "{\"name\":\"work\",\"stage\":\"parallel\",\"handler\":\"echo\"}");
        register(activity, "{\"name\":\"after\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");

        JsonObject run = awaitEnd(start(activity, "{\"message\":\"no entry\"}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("gate").contains("no entry");
        assertThat(plugin(run, "gate").getString("status")).isEqualTo("Error");
        for (String never : List.of("work", "after")) {
            assertThat(plugin(run, never).getString("status")).isEqualTo("Pending");
            assertThat(plugin(run, never).containsKey("taskId")).isFalse();
        }
    }

    @Test
    void aRequiredParallelFailureSkipsPost() {
        String activity = activity();
        register(activity, "{\"name\":\"bad\",\"stage\":\"parallel\",\"handler\":\"fail\"}");
        register(activity, "{\"name\":\"good\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        register(activity, "{\"name\":\"after\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");

        JsonObject run = awaitEnd(start(activity, "{\"ms\":300}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(plugin(run, "bad").getString("status")).isEqualTo("Error");
        assertThat(plugin(run, "good").getString("status")).isEqualTo("Complete");
        assertThat(plugin(run, "after").getString("status")).isEqualTo("Pending");
    }

    @Test
    void aPluginRunningLongerThanItsTimeoutEndsInError() {
        String activity = activity();
        register(activity, "{\"name\":\"slow\",\"stage\":\"parallel\",\"handler\":\"sleep\",\"timeoutSeconds\":1}");

        JsonObject run = awaitEnd(start(activity, "{\"ms\":5000}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        JsonObject slow = plugin(run, "slow");
        assertThat(slow.getString("status")).isEqualTo("Error");
        assertThat(slow.getString("message")).containsIgnoringCase("timed out");
        assertThat(Duration.between(start(slow), end(slow))).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void aRunMatchingNoPluginCompletesWithAnEmptyPlan() {
        String activity = activity();
        register(
                activity,
                "{\"name\":\"eu\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\",\"filter\":\"region = 'EU'\"}");

        JsonObject run = awaitEnd(start(activity, "{\"region\":\"US\"}").getString("id"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        for (String stage : List.of("pre", "parallel", "post")) {
            assertThat(stage(run, stage)).isEmpty();
        }
    }

    @Test
    void aBadBodyIs400() {
        String activity = activity();
        register(activity, "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"echo\"}");

        assertProblem(admin.post("/api/activities/" + activity + "/runs", "{\"metadata\":[1]}"), 400);
        assertProblem(admin.post("/api/activities/" + activity + "/runs", "{\"other\":1}"), 400);
    }

    @Test
    void unknownActivitiesAndRunsAre404() {
        Api.Reply noActivity = admin.post("/api/activities/" + activity() + "/runs", "{\"metadata\":{}}");
        assertProblem(noActivity, 404);
        assertProblem(admin.get("/api/activity-runs/" + UUID.randomUUID()), 404);
    }

    @Test
    void aWorkflowActivityActionRunsTheActivityAndOutputsItsRun() {
        register(
                "wf-activity",
                "{\"name\":\"eu-only\",\"stage\":\"pre\",\"order\":1,\"handler\":\"fail\","
                        + "\"filter\":\"region = 'EU'\"}");
        register("wf-activity", "{\"name\":\"everyone\",\"stage\":\"parallel\",\"handler\":\"echo\"}");
        Workflows workflows = Workflows.of(admin);
        workflows.save("activity-action");

        String ok = workflows.start("activity-action", "{\"region\":\"US\"}").getString("id");
        JsonObject completed = workflows.awaitStatus(ok, "COMPLETED");
        JsonObject action = Workflows.action(completed, "check");
        JsonObject run = get(action.getString("activityRunId"));
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getJsonObject("metadata").getString("region")).isEqualTo("US");
        assertThat(action.getJsonObject("output").getString("status")).isEqualTo("COMPLETED");
        assertThat(stage(action.getJsonObject("output"), "parallel")).hasSize(1);

        String failing =
                workflows.start("activity-action", "{\"region\":\"EU\"}").getString("id");
        JsonObject failed = workflows.awaitStatus(failing, "FAILED");
        JsonObject failedAction = Workflows.action(failed, "check");
        assertThat(failedAction.getString("status")).isEqualTo("FAILED");
        assertThat(failedAction.getString("error")).contains("eu-only");
        assertThat(get(failedAction.getString("activityRunId")).getString("status"))
                .isEqualTo("FAILED");
    }

    @Test
    void aWorkflowActivityActionOfAnUnknownActivityFails() {
        Workflows workflows = Workflows.of(admin);
        Api.Reply saved = admin.post(
                Workflows.BASE,
                "{\"name\":\"activity-unknown\",\"rootAction\":\"a\",\"actions\":[{\"id\":\"a\","
                        + "\"type\":\"activity\",\"name\":\"" + activity() + "\"}]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);

        JsonObject run =
                workflows.awaitStatus(workflows.start("activity-unknown", "{}").getString("id"), "FAILED");

        assertThat(Workflows.action(run, "a").getString("error")).contains("activity");
    }
}

package dev.baton.it;

import static dev.baton.it.Activities.plugin;
import static dev.baton.it.Activities.report;
import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of plugins that report their own end over REST (registered with {@code "completion":
 * "report"}): the handler only starts the work, the plugin stays InProgress until it reports {@code
 * complete} or {@code error} (or its timeout passes), and reports that do not apply are refused. The
 * {@code echo} handler returns its params, which for a report plugin name the run and the plugin.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityReportsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api worker = Api.as("worker", "worker");
    private final Activities activities = Activities.of(admin);

    /** Waits until the report plugin is InProgress with its handler's task SUCCEEDED; returns that task. */
    private JsonObject awaitHandlerReturned(String runId, String plugin) {
        JsonObject run = activities.awaitPlugin(runId, plugin, "InProgress");
        return activities.awaitTask(plugin(run, plugin).getString("taskId"), "SUCCEEDED");
    }

    @Test
    void aReportPluginStaysInProgressAfterItsHandlerReturnedUntilItReportsComplete() {
        String activity = Activities.unique("report");
        activities.register(
                activity,
                "{\"name\":\"render\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"report\"}");
        activities.register(activity, "{\"name\":\"after\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
        String id = activities.startId(activity, "{\"order\":42}");

        JsonObject task = awaitHandlerReturned(id, "render");

        JsonObject params = task.getJsonObject("params");
        assertThat(params.getString("activityRunId")).isEqualTo(id);
        assertThat(params.getString("activity")).isEqualTo(activity);
        assertThat(params.getString("plugin")).isEqualTo("render");
        assertThat(params.getString("stage")).isEqualTo("parallel");
        assertThat(params.getJsonObject("metadata").getInt("order")).isEqualTo(42);
        Activities.await()
                .during(Duration.ofSeconds(2))
                .until(
                        () -> activities.get(id),
                        run -> "RUNNING".equals(run.getString("status"))
                                && "InProgress".equals(plugin(run, "render").getString("status"))
                                && "Pending".equals(plugin(run, "after").getString("status")));
        assertThat(plugin(activities.get(id), "render").getString("completion")).isEqualTo("report");

        Api.Reply progress = worker.post(report(id, "render", "progress"), "{\"message\":\"page 2 of 3\"}");
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        Api.Reply complete =
                worker.post(report(id, "render", "complete"), "{\"message\":\"rendered\",\"result\":{\"pages\":3}}");

        assertThat(complete.status()).as(complete.toString()).isEqualTo(200);
        assertThat(complete.json().getString("status")).isEqualTo("Complete");
        JsonObject run = activities.awaitEnd(id);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        JsonObject render = plugin(run, "render");
        assertThat(render.getString("message")).isEqualTo("rendered");
        assertThat(render.getJsonObject("result").getInt("pages")).isEqualTo(3);
        assertThat(Instant.parse(render.getString("endTime")))
                .isAfterOrEqualTo(Instant.parse(task.getString("endTime")));
        JsonObject after = plugin(run, "after");
        assertThat(after.getString("status")).isEqualTo("Complete");
        assertThat(after.getString("completion")).isEqualTo("handler");
        assertThat(after.getJsonObject("result").getInt("order"))
                .as("a handler plugin's result is its task's")
                .isEqualTo(42);
        assertProblem(worker.post(report(id, "render", "complete"), "{}"), 409);
    }

    @Test
    void aRequiredPluginsErrorReportFailsTheRunAndLaterStagesNeverRun() {
        String activity = Activities.unique("report-error");
        activities.register(
                activity,
                "{\"name\":\"print\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\",\"completion\":\"report\"}");
        activities.register(activity, "{\"name\":\"after\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
        String id = activities.startId(activity, "{}");
        awaitHandlerReturned(id, "print");

        Api.Reply error = worker.post(report(id, "print", "error"), "{\"message\":\"printer on fire\"}");

        assertThat(error.status()).as(error.toString()).isEqualTo(200);
        assertThat(error.json().getString("status")).isEqualTo("Error");
        JsonObject run = activities.awaitEnd(id);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("print").contains("printer on fire");
        assertThat(plugin(run, "print").getString("message")).isEqualTo("printer on fire");
        assertThat(plugin(run, "after").getString("status")).isEqualTo("Pending");
    }

    @Test
    void aPluginThatNeverReportsEndsInErrorAfterItsTimeoutAndAnOptionalOneDoesNotFailTheRun() {
        String activity = Activities.unique("report-timeout");
        activities.register(
                activity,
                "{\"name\":\"silent\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"report\","
                        + "\"timeoutSeconds\":2,\"optional\":true}");
        activities.register(activity, "{\"name\":\"fine\",\"stage\":\"parallel\",\"handler\":\"echo\"}");

        JsonObject run = activities.awaitEnd(activities.startId(activity, "{}"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        JsonObject silent = plugin(run, "silent");
        assertThat(silent.getString("status")).isEqualTo("Error");
        assertThat(silent.getString("message")).isEqualTo("did not report its completion within 2 s");
        Duration waited = Duration.between(
                Instant.parse(silent.getString("startTime")), Instant.parse(silent.getString("endTime")));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(10));
        assertThat(plugin(run, "fine").getString("status")).isEqualTo("Complete");
    }

    @Test
    void aReportPluginWhoseHandlerFailsIsAnErrorWithoutReporting() {
        String activity = Activities.unique("report-handler-fails");
        activities.register(
                activity,
                "{\"name\":\"starter\",\"stage\":\"parallel\",\"handler\":\"fail\",\"completion\":\"report\"}");

        JsonObject run = activities.awaitEnd(activities.startId(activity, "{}"));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(plugin(run, "starter").getString("status")).isEqualTo("Error");
        assertThat(plugin(run, "starter").getString("message")).isNotBlank();
    }

    @Test
    void aCompletionNeedsNoBodyButABodyMustBeJson() {
        String activity = Activities.unique("report-empty");
        activities.register(
                activity, "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"report\"}");
        String id = activities.startId(activity, "{}");
        awaitHandlerReturned(id, "p");

        assertProblem(
                worker.post(
                        report(id, "p", "complete"),
                        "text/plain",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{}")),
                415);
        Api.Reply complete = worker.post(report(id, "p", "complete"));

        assertThat(complete.status()).as(complete.toString()).isEqualTo(200);
        JsonObject run = activities.awaitEnd(id);
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(plugin(run, "p").containsKey("result")).isFalse();
    }

    @Test
    void reportsThatDoNotApplyAreRefused() {
        String activity = Activities.unique("report-refused");
        activities.register(activity, "{\"name\":\"slow\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        activities.register(
                activity,
                "{\"name\":\"later\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\",\"completion\":\"report\"}");
        String id = activities.startId(activity, "{\"ms\":60000}");
        activities.awaitPlugin(id, "slow", "InProgress");
        try {
            JsonObject handlerPlugin = assertProblem(worker.post(report(id, "slow", "complete"), "{}"), 409);
            assertThat(handlerPlugin.getString("detail")).contains("completion");
            assertProblem(worker.post(report(id, "slow", "error"), "{\"message\":\"x\"}"), 409);
            assertThat(worker.post(report(id, "slow", "progress"), "{\"message\":\"a handler plugin may\"}")
                            .status())
                    .isEqualTo(200);
            JsonObject pending = assertProblem(worker.post(report(id, "later", "complete"), "{}"), 409);
            assertThat(pending.getString("detail")).contains("Pending");

            assertProblem(worker.post(report(id, "nope", "complete"), "{}"), 404);
            assertProblem(worker.post(report("no-such-run", "slow", "complete"), "{}"), 404);
            assertThat(fields(assertProblem(worker.post(report(id, "later", "error"), "{}"), 400)))
                    .containsExactly("/message");
            assertThat(fields(assertProblem(worker.post(report(id, "later", "complete"), "{\"colour\":1}"), 400)))
                    .containsExactly("/colour");
            assertProblem(worker.post(report(id, "later", "complete"), "[1]"), 400);
            assertProblem(Api.as("submitter", "submitter").post(report(id, "later", "complete"), "{}"), 403);
            assertThat(plugin(activities.get(id), "slow").getString("status")).isEqualTo("InProgress");
        } finally {
            admin.post(Activities.RUNS + "/" + id + "/cancel");
        }
    }

    @Test
    void theRegistrationShowsItsCompletionAndAnUnknownOneIs422() {
        String activity = Activities.unique("report-registration");
        Api.Reply registered = worker.post(
                "/api/activities/" + activity + "/plugins",
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"report\"}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().getString("completion")).isEqualTo("report");
        assertThat(admin.get("/api/activities/" + activity + "/plugins/p")
                        .json()
                        .getString("completion"))
                .isEqualTo("report");

        JsonObject problem = assertProblem(
                worker.post(
                        "/api/activities/" + activity + "/plugins",
                        "{\"name\":\"q\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"sometime\"}"),
                422);
        assertThat(fields(problem)).containsExactly("/completion");
    }
}

package dev.baton.it;

import static dev.baton.it.Activities.plugin;
import static dev.baton.it.Activities.report;
import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of controlling activity runs over REST: {@code POST /api/activity-runs/{id}/cancel}
 * (directly, and through the workflow run that started the activity run) and {@code GET
 * /api/activity-runs} with its filters and keyset paging.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityControlIT {

    private static final String WORKFLOW_ACTIVITY = "wf-activity-cancel";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api submitter = Api.as("submitter", "submitter");
    private final Activities activities = Activities.of(admin);

    private static String cancel(String runId) {
        return Activities.RUNS + "/" + runId + "/cancel";
    }

    @Test
    void cancellingARunCancelsItsUnfinishedPluginsAndTheirTasksAndNothingStartsAfter() {
        String activity = Activities.unique("cancel");
        activities.register(activity, "{\"name\":\"first\",\"stage\":\"pre\",\"order\":1,\"handler\":\"echo\"}");
        activities.register(activity, "{\"name\":\"a\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        activities.register(activity, "{\"name\":\"b\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        activities.register(activity, "{\"name\":\"last\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}");
        String id = activities.startId(activity, "{\"ms\":60000}");
        activities.awaitPlugin(id, "a", "InProgress");
        JsonObject running = activities.awaitPlugin(id, "b", "InProgress");
        String taskA = plugin(running, "a").getString("taskId");
        String taskB = plugin(running, "b").getString("taskId");
        activities.awaitTask(taskA, "RUNNING");
        activities.awaitTask(taskB, "RUNNING");

        Api.Reply cancelled = submitter.post(cancel(id));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonObject run = cancelled.json();
        assertThat(run.getString("status")).isEqualTo("CANCELLED");
        assertThat(run.getString("error")).isEqualTo("cancelled by submitter");
        assertThat(run.getString("endTime")).isNotBlank();
        assertThat(plugin(run, "first").getString("status")).isEqualTo("Complete");
        for (String name : List.of("a", "b", "last")) {
            assertThat(plugin(run, name).getString("status")).as(name).isEqualTo("Cancelled");
            assertThat(plugin(run, name).getString("endTime")).as(name).isNotBlank();
        }
        assertThat(plugin(run, "last").containsKey("taskId")).isFalse();
        JsonObject cancelledTask = activities.awaitTask(taskA, "CANCELLED");
        assertThat(cancelledTask.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("CANCELLED");
        activities.awaitTask(taskB, "CANCELLED");
        Activities.await()
                .during(Duration.ofSeconds(3))
                .until(
                        () -> activities.get(id),
                        r -> "CANCELLED".equals(r.getString("status"))
                                && !plugin(r, "last").containsKey("taskId")
                                && "Cancelled".equals(plugin(r, "a").getString("status")));

        assertProblem(submitter.post(cancel(id)), 409);
        assertProblem(admin.post(cancel("no-such-run")), 404);
        assertProblem(Api.as("worker", "worker").post(cancel(id)), 403);
    }

    @Test
    void aCancelledReportPluginNoLongerAcceptsReports() {
        String activity = Activities.unique("cancel-report");
        activities.register(
                activity, "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"report\"}");
        String id = activities.startId(activity, "{}");
        JsonObject run = activities.awaitPlugin(id, "p", "InProgress");
        activities.awaitTask(plugin(run, "p").getString("taskId"), "SUCCEEDED");

        assertThat(admin.post(cancel(id)).json().getString("status")).isEqualTo("CANCELLED");

        assertThat(plugin(activities.get(id), "p").getString("status")).isEqualTo("Cancelled");
        assertProblem(admin.post(report(id, "p", "complete"), "{}"), 409);
    }

    @Test
    void cancellingAWorkflowRunCancelsItsActivityRun() {
        Workflows workflows = Workflows.of(admin);
        String runId = startActivityCancelRun(workflows);
        String activityRunId = activityRunOfSlowAction(workflows, runId);
        JsonObject inProgress = activities.awaitPlugin(activityRunId, "sleeper", "InProgress");
        String task = plugin(inProgress, "sleeper").getString("taskId");

        Api.Reply cancelled = admin.post("/api/runs/" + runId + "/cancel");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonObject activityRun = activities.get(activityRunId);
        assertThat(activityRun.getString("status")).isEqualTo("CANCELLED");
        assertThat(activityRun.getString("error")).contains(runId);
        assertThat(plugin(activityRun, "sleeper").getString("status")).isEqualTo("Cancelled");
        activities.awaitTask(task, "CANCELLED");
        JsonObject run = workflows.run(runId);
        assertThat(run.getString("status")).isEqualTo("CANCELLED");
        assertThat(Workflows.action(run, "slow").getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingTheActivityRunOfAWorkflowActionFailsTheAction() {
        Workflows workflows = Workflows.of(admin);
        String runId = startActivityCancelRun(workflows);
        String activityRunId = activityRunOfSlowAction(workflows, runId);
        activities.awaitPlugin(activityRunId, "sleeper", "InProgress");

        assertThat(admin.post(cancel(activityRunId)).status()).isEqualTo(200);

        JsonObject failed = workflows.awaitStatus(runId, "FAILED");
        JsonObject action = Workflows.action(failed, "slow");
        assertThat(action.getString("status")).isEqualTo("FAILED");
        assertThat(action.getString("error")).contains("CANCELLED");
        assertThat(Workflows.action(failed, "after").getString("status")).isNotEqualTo("COMPLETED");
    }

    @Test
    void runsAreListedNewestFirstWithFiltersAndKeysetPaging() {
        String activity = Activities.unique("list");
        activities.register(activity, "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(activities.startId(activity, "{\"ms\":1}"));
        }
        String slow = activities.startId(activity, "{\"ms\":60000}");
        ids.add(slow);
        for (String id : ids.subList(0, 3)) {
            activities.awaitEnd(id);
        }
        activities.awaitPlugin(slow, "p", "InProgress");
        assertThat(admin.post(cancel(slow)).status()).isEqualTo(200);
        List<String> newestFirst =
                ids.stream().sorted(Comparator.reverseOrder()).toList();

        JsonObject all = admin.get(Activities.RUNS + "?activity=" + activity).json();
        assertThat(ids(all)).containsExactlyElementsOf(newestFirst);
        assertThat(all.isNull("nextCursor")).isTrue();
        assertThat(all.getInt("limit")).isEqualTo(50);
        JsonObject item = all.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("activity")).isEqualTo(activity);
        assertThat(item.getString("status")).isEqualTo("CANCELLED");
        assertThat(item.containsKey("plugins")).isFalse();
        assertThat(item.getString("node")).isNotBlank();

        JsonObject first = Api.as("worker", "worker")
                .get(Activities.RUNS + "?activity=" + activity + "&limit=3")
                .json();
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isEqualTo(newestFirst.get(2));
        JsonObject second = admin.get(Activities.RUNS + "?activity=" + activity + "&limit=3&cursor=" + cursor)
                .json();
        assertThat(ids(second)).containsExactly(newestFirst.get(3));
        assertThat(second.isNull("nextCursor")).isTrue();

        assertThat(ids(admin.get(Activities.RUNS + "?activity=" + activity + "&status=cancelled")
                        .json()))
                .containsExactly(slow);
        assertThat(ids(admin.get(Activities.RUNS + "?activity=" + activity + "&status=COMPLETED")
                        .json()))
                .containsExactlyElementsOf(newestFirst.subList(1, 4));
        assertThat(ids(admin.get(Activities.RUNS + "?status=CANCELLED&limit=1000")
                        .json()))
                .contains(slow)
                .doesNotContain(ids.get(0));
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        assertThat(fields(assertProblem(admin.get(Activities.RUNS + "?limit=0"), 400)))
                .containsExactly("limit");
        assertThat(fields(assertProblem(admin.get(Activities.RUNS + "?limit=abc"), 400)))
                .containsExactly("limit");
        assertThat(fields(assertProblem(admin.get(Activities.RUNS + "?limit=1001"), 400)))
                .containsExactly("limit");
        assertThat(fields(assertProblem(admin.get(Activities.RUNS + "?status=DONE"), 400)))
                .containsExactly("status");
        assertThat(fields(assertProblem(admin.get(Activities.RUNS + "?activity=a%20b"), 400)))
                .containsExactly("activity");
        assertThat(fields(assertProblem(admin.get(Activities.RUNS + "?cursor=zz!"), 400)))
                .containsExactly("cursor");
    }

    /** Starts the "activity-cancel" workflow, whose action "slow" runs an activity with a sleeping plugin. */
    private String startActivityCancelRun(Workflows workflows) {
        activities.register(WORKFLOW_ACTIVITY, "{\"name\":\"sleeper\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        workflows.save("activity-cancel");
        return workflows.start("activity-cancel", "{}").getString("id");
    }

    private static String activityRunOfSlowAction(Workflows workflows, String runId) {
        return Activities.await()
                .until(
                        () -> Workflows.action(workflows.run(runId), "slow"),
                        a -> a.containsKey("activityRunId") && !a.isNull("activityRunId"))
                .getString("activityRunId");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(r -> r.getString("id"))
                .toList();
    }
}

package dev.baton.it;

import static dev.baton.it.Workflows.action;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workflow runs over REST: Orchy's notification workflow in both branches (with workspace scripts for
 * its user actions), delay, wait with and without the event, joins, cancel, pause/resume, retry from the
 * failed action, terminate, subworkflows and the run timeout.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowExecutionIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Workflows workflows = Workflows.of(api);

    @BeforeAll
    static void saveWorkflows() {
        Workflows workflows = Workflows.of(Api.admin());
        for (String file : List.of(
                "notification",
                "wait-short",
                "wait-long",
                "join",
                "slow",
                "pausable",
                "parent",
                "child",
                "terminate",
                "timeout",
                "orphan",
                "split-hang")) {
            workflows.save(file);
        }
    }

    @Test
    void notificationWorkflowMaleBranchSendsSmsWaitsTenSecondsThenWhatsapp() {
        String runId = workflows
                .start(
                        "notificationWorkflow",
                        "{\"userId\": 4, \"sms\": {\"first\": {\"message\": \"hi first sms\"}},"
                                + " \"whatsapp\": {\"message\": \"whatsapp message\"}}")
                .getString("id");

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");

        assertThat(run.getJsonArray("path").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("1", "2", "3", "4", "6", "8");
        assertThat(action(run, "1").getJsonObject("input").getInt("userId")).isEqualTo(4);
        assertThat(action(run, "2")
                        .getJsonObject("output")
                        .getJsonObject("user")
                        .getInt("discount"))
                .isEqualTo(10);
        assertThat(action(run, "3").getString("branch")).isEqualTo("MALE");
        assertThat(action(run, "4").getJsonObject("input").getString("message"))
                .isEqualTo("Hi hi first sms get discount 10 %");
        assertThat(action(run, "4").getJsonObject("input").getString("phoneNumber"))
                .isEqualTo("+1-555-4");
        assertThat(action(run, "4").getJsonObject("output").getString("sent")).isEqualTo("sms");
        JsonObject delay = action(run, "6");
        assertThat(Duration.between(
                        Instant.parse(delay.getString("startTime")), Instant.parse(delay.getString("endTime"))))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(action(run, "8").getJsonObject("input").getString("message")).isEqualTo("whatsapp message");
        for (String skipped : List.of("5", "7", "9", "10")) {
            assertThat(action(run, skipped).getString("status"))
                    .as("action " + skipped)
                    .isEqualTo("SKIPPED");
        }
    }

    @Test
    void notificationWorkflowFemaleBranchEmailsWaitsForOpenAndFollowsTheEvent() {
        String runId = workflows
                .start(
                        "notificationWorkflow",
                        "{\"userId\": 7, \"email\": {\"first\": {\"subject\": \"s1\", \"message\": \"m1\"}},"
                                + " \"sms\": {\"second\": {\"message\": \"second sms\"}}}")
                .getString("id");
        workflows.awaitAction(runId, "7", "WAITING");
        assertThat(workflows.run(runId).getString("status")).isEqualTo("WAITING");

        Api.Reply event = api.post("/api/runs/" + runId + "/events/open", "{\"openedBy\": \"user7\"}");
        assertThat(event.status()).as(event.toString()).isEqualTo(200);

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");
        assertThat(run.getJsonArray("path").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("1", "2", "3", "5", "7", "9");
        assertThat(action(run, "5").getJsonObject("input").getString("to")).isEqualTo("user7@example.com");
        assertThat(action(run, "5").getJsonObject("input").getString("subject")).isEqualTo("s1");
        assertThat(action(run, "7").getString("branch")).isEqualTo("open");
        assertThat(action(run, "7").getJsonObject("output").getString("openedBy"))
                .isEqualTo("user7");
        assertThat(action(run, "9").getJsonObject("input").getString("message")).isEqualTo("second sms");
        assertThat(action(run, "10").getString("status")).isEqualTo("SKIPPED");
    }

    @Test
    void waitWithoutTheEventTimesOutIntoTheDefaultBranch() {
        String runId = workflows.start("waitShort", "{}").getString("id");

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");

        assertThat(action(run, "ask").getString("branch")).isEqualTo("default");
        assertThat(action(run, "ask").getJsonObject("output").getBoolean("timedOut"))
                .isTrue();
        assertThat(action(run, "no").getString("status")).isEqualTo("COMPLETED");
        assertThat(action(run, "yes").getString("status")).isEqualTo("SKIPPED");
    }

    @Test
    void anEventOnlyCountsForAnActionThatWaitsForIt() {
        String runId = workflows.start("waitLong", "{}").getString("id");
        workflows.awaitAction(runId, "ask", "WAITING");

        Problem.assertProblem(api.post("/api/runs/" + runId + "/events/rejected", "{}"), 409);
        assertThat(api.post("/api/runs/" + runId + "/events/approved", "{\"by\": \"ann\"}")
                        .status())
                .isEqualTo(200);

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");
        assertThat(action(run, "yes").getJsonObject("input").getString("by")).isEqualTo("ann");
        assertThat(action(run, "no").getString("status")).isEqualTo("SKIPPED");
        Problem.assertProblem(api.post("/api/runs/" + runId + "/events/approved", "{}"), 409);
    }

    @Test
    void anEventSentOverJmsReachesTheWaitingRun() {
        String runId = workflows.start("waitLong", "{}").getString("id");
        workflows.awaitAction(runId, "ask", "WAITING");

        try (jakarta.jms.JMSContext jms = Jms.connect("submitter", "submitter")) {
            jms.createProducer()
                    .setProperty("baton_run", runId)
                    .setProperty("baton_event", "approved")
                    .send(Jms.eventsQueue(jms), "{\"by\": \"jms\"}");
        }

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");
        assertThat(action(run, "ask").getJsonObject("output").getString("by")).isEqualTo("jms");
        assertThat(action(run, "yes").getJsonObject("input").getString("by")).isEqualTo("jms");
    }

    @Test
    void aJoinRunsOnceAfterEveryActivatedBranchFinished() {
        String runId = workflows.start("join", "{}").getString("id");

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");

        JsonObject join = action(run, "4");
        assertThat(join.getInt("attempts")).isEqualTo(1);
        Instant joinStart = Instant.parse(join.getString("startTime"));
        assertThat(joinStart).isAfterOrEqualTo(Instant.parse(action(run, "2").getString("endTime")));
        assertThat(joinStart).isAfterOrEqualTo(Instant.parse(action(run, "3").getString("endTime")));
        assertThat(join.getJsonObject("input").getJsonObject("slow").getInt("slept"))
                .isEqualTo(1200);
        assertThat(join.getJsonObject("input").getJsonObject("fast").getInt("slept"))
                .isEqualTo(300);
        JsonObject joinTask = api.get("/api/tasks/" + join.getString("taskId")).json();
        assertThat(joinTask.getJsonArray("attempts"))
                .as("the join's task ran once")
                .hasSize(1);
    }

    @Test
    void cancelStopsTheRunningTaskAndCancelsEveryOpenAction() {
        String runId = workflows.start("slow", "{}").getString("id");
        JsonObject running = workflows.awaitAction(runId, "1", "RUNNING");
        String taskId = action(running, "1").getString("taskId");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/tasks/" + taskId).json().getString("status"), "RUNNING"::equals);

        Api.Reply cancel = api.post("/api/runs/" + runId + "/cancel");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);

        JsonObject run = workflows.run(runId);
        assertThat(run.getString("status")).isEqualTo("CANCELLED");
        assertThat(run.getString("endTime")).isNotBlank();
        assertThat(action(run, "1").getString("status")).isEqualTo("CANCELLED");
        assertThat(action(run, "2").getString("status")).isEqualTo("CANCELLED");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/tasks/" + taskId).json().getString("status"), "CANCELLED"::equals);
        Problem.assertProblem(api.post("/api/runs/" + runId + "/cancel"), 409);
    }

    @Test
    void cancelCancelsTheChildrenOfARunningSplitTaskAndKillsTheirScriptsLikeTheTaskApi() {
        TaskClient tasks = new TaskClient(api);
        String runId = workflows.start("split-hang", "{}").getString("id");
        String parent =
                action(workflows.awaitAction(runId, "1", "RUNNING"), "1").getString("taskId");
        try {
            tasks.awaitStatus(parent, "WAITING", Duration.ofSeconds(60));
            org.awaitility.Awaitility.await("three running hang.sh children")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> tasks.children(parent).stream()
                                    .filter(c -> "RUNNING".equals(c.getString("status")))
                                    .count()
                            == 3);
            org.awaitility.Awaitility.await("three hang.sh processes")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> TestWorkspace.processesRunning("hang.sh").size() >= 3);

            Api.Reply cancel = api.post("/api/runs/" + runId + "/cancel");

            assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
            assertThat(action(workflows.run(runId), "1").getString("status")).isEqualTo("CANCELLED");
            assertThat(tasks.get(parent).getString("status")).isEqualTo("CANCELLED");
            org.awaitility.Awaitility.await("the split's children cancelled")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(tasks.children(parent))
                            .hasSize(3)
                            .allSatisfy(c -> assertThat(c.getString("status")).isEqualTo("CANCELLED")));
            assertThat(tasks.children(parent)).allSatisfy(c -> assertThat(tasks.get(c.getString("id"))
                            .getJsonArray("attempts")
                            .getJsonObject(0)
                            .getString("outcome"))
                    .isEqualTo("CANCELLED"));
            org.awaitility.Awaitility.await("no hang.sh process left")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> TestWorkspace.processesRunning("hang.sh").isEmpty());
        } finally {
            tasks.cancelIfUnfinished(parent);
        }
    }

    @Test
    void aPausedRunRecordsWhatFinishesButStartsNothingUntilResumed() {
        String runId = workflows.start("pausable", "{}").getString("id");
        workflows.awaitAction(runId, "1", "WAITING");

        assertThat(api.post("/api/runs/" + runId + "/pause").json().getString("status"))
                .isEqualTo("PAUSED");
        JsonObject paused = workflows.awaitAction(runId, "1", "COMPLETED");
        assertThat(paused.getString("status")).isEqualTo("PAUSED");
        assertThat(action(paused, "2").getString("status")).isEqualTo("READY");

        Api.Reply resume = api.post("/api/runs/" + runId + "/resume");
        assertThat(resume.status()).as(resume.toString()).isEqualTo(200);
        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");
        assertThat(action(run, "2").getJsonObject("output").getString("after")).isEqualTo("delay");
    }

    @Test
    void retryRunsTheFailedActionAgainAndContinues() {
        String runId = workflows.start("orphan", "{}").getString("id");
        JsonObject failed = workflows.awaitStatus(runId, "FAILED");
        assertThat(action(failed, "2").getString("status")).isEqualTo("FAILED");
        assertThat(action(failed, "2").getString("error")).contains("lateChild");
        assertThat(failed.getString("error")).contains("action 2");
        String firstTask = action(failed, "1").getString("taskId");

        workflows.save("late-child");
        Api.Reply retry = api.post("/api/runs/" + runId + "/retry");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");
        assertThat(action(run, "2").getInt("attempts")).isEqualTo(2);
        assertThat(action(run, "1").getInt("attempts"))
                .as("finished actions do not run again")
                .isEqualTo(1);
        assertThat(action(run, "1").getString("taskId")).isEqualTo(firstTask);
        assertThat(action(run, "3").getJsonObject("input").getString("child")).isEqualTo("COMPLETED");
        assertThat(run.isNull("error")).isTrue();
    }

    @Test
    void terminateEndsTheRunAndCancelsWhatStillRuns() {
        String runId = workflows.start("terminate", "{}").getString("id");

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");

        assertThat(action(run, "4").getString("status")).isEqualTo("COMPLETED");
        assertThat(action(run, "2").getString("status")).isEqualTo("CANCELLED");
        String sleeper = action(run, "2").getString("taskId");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/tasks/" + sleeper).json().getString("status"), "CANCELLED"::equals);
    }

    @Test
    void aSubworkflowRunsAsAChildRunAndItsOutputsFeedTheParent() {
        String runId = workflows.start("parent", "{\"n\": 21}").getString("id");

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");

        JsonObject sub = action(run, "1");
        String childId = sub.getString("childRunId");
        JsonObject child = workflows.run(childId);
        assertThat(child.getString("status")).isEqualTo("COMPLETED");
        assertThat(child.getString("parentRunId")).isEqualTo(runId);
        assertThat(child.getJsonObject("input").getInt("n")).isEqualTo(21);
        assertThat(action(run, "2").getJsonObject("input").getInt("doubled")).isEqualTo(42);
    }

    @Test
    void aRunOverItsTimeoutEndsTimedOut() {
        String runId = workflows.start("timeout", "{}").getString("id");

        JsonObject run = workflows.awaitStatus(runId, "TIMED_OUT");

        assertThat(run.getString("error")).contains("timeout");
        assertThat(action(run, "1").getString("status")).isEqualTo("CANCELLED");
        assertThat(action(run, "2").getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void tasksOfARunInheritItsPriority() {
        Api.Reply started = api.post("/api/workflows/join/runs", "{\"priority\": 85, \"input\": {}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String runId = started.json().getString("id");

        JsonObject run = workflows.awaitStatus(runId, "COMPLETED");

        String taskId = action(run, "1").getString("taskId");
        assertThat(api.get("/api/tasks/" + taskId).json().getInt("priority")).isEqualTo(85);
        assertThat(run.getInt("priority")).isEqualTo(85);
    }
}

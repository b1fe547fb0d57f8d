package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box tests of the task REST API: submit, wait, read, list. */
@ExtendWith(ArquillianExtension.class)
class TasksApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();

    @Test
    void addScriptRunsAndReturnsItsResult() {
        Api.Reply reply = api.post(
                "/api/tasks?wait=30", "{\"handler\":\"add.js\",\"params\":{\"a\":1,\"b\":2},\"name\":\"sum\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject task = reply.json();
        assertThat(task.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(task.getInt("result")).isEqualTo(3);
        assertThat(task.getString("name")).isEqualTo("sum");
        assertThat(task.getString("user")).isEqualTo("baton");
        assertThat(task.getInt("tries")).isEqualTo(1);
        assertThat(task.getJsonArray("attempts")).hasSize(1);
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("SUCCEEDED");
        assertThat(reply.header("Location")).endsWith("/api/tasks/" + task.getString("id"));
    }

    @Test
    void submitAnswers202WithLocationAndTheTaskFinishesLater() {
        Api.Reply reply = api.post("/api/tasks", "{\"handler\":\"echo\",\"params\":{\"x\":1},\"priority\":70}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        String id = reply.json().getString("id");
        assertThat(reply.json().getString("status")).isEqualTo("QUEUED");
        assertThat(reply.json().getInt("priority")).isEqualTo(70);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/tasks/" + id).json().getString("status"), "SUCCEEDED"::equals);
        JsonObject task = api.get("/api/tasks/" + id).json();
        assertThat(task.getJsonObject("result").getInt("x")).isEqualTo(1);
        assertThat(task.getString("submitTime")).isNotBlank();
        assertThat(task.getString("endTime")).isNotBlank();
        assertThat(task.getJsonNumber("durationMs").longValue()).isGreaterThanOrEqualTo(0);
        assertThat(task.getString("node")).isNotBlank();
    }

    @Test
    void aWaitedAnswerIsTheTaskAsStoredAttemptsIncluded() {
        // fails once, then succeeds: the answer is taken in the finishing transaction of the second try
        Api.Reply reply =
                api.post("/api/tasks?wait=30", "{\"handler\":\"fail\",\"params\":{\"succeedOnTry\":2},\"maxTries\":3}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject answered = reply.json();
        assertThat(answered.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(answered.getJsonArray("attempts")).hasSize(2);
        assertThat(answered)
                .as("the ?wait answer and a later read")
                .isEqualTo(api.get("/api/tasks/" + answered.getString("id")).json());
    }

    @Test
    void aWaitedAnswerOfATaskThatEndsInItsFirstAttemptIsTheTaskAsStored() {
        // the finishing transaction hands its one attempt to the answer instead of reading the history back
        assertFirstAttemptAnswer("{\"handler\":\"noop\"}", "SUCCEEDED", "SUCCEEDED");
        assertFirstAttemptAnswer(
                "{\"handler\":\"fail\",\"params\":{\"succeedOnTry\":2},\"maxTries\":1}", "ERROR", "FAILED");
    }

    private void assertFirstAttemptAnswer(String body, String status, String outcome) {
        Api.Reply reply = api.post("/api/tasks?wait=30", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject answered = reply.json();
        assertThat(answered.getString("status")).isEqualTo(status);
        assertThat(answered.getJsonArray("attempts")).hasSize(1);
        assertThat(answered.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo(outcome);
        assertThat(answered)
                .as("the ?wait answer and a later read of " + body)
                .isEqualTo(api.get("/api/tasks/" + answered.getString("id")).json());
    }

    @Test
    void aWaitThatRunsOutAnswers202WithTheTaskUnfinished() {
        long start = System.nanoTime();
        Api.Reply submitted = api.post("/api/tasks?wait=1", "{\"handler\":\"sleep\",\"params\":{\"ms\":4000}}");
        long submitMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        assertThat(submitted.json().getString("status")).isIn("QUEUED", "RUNNING");
        assertThat(submitMillis).as("held for its 1 s, not until the task ends").isBetween(1_000L, 3_000L);

        String id = submitted.json().getString("id");
        start = System.nanoTime();
        Api.Reply result = api.get("/api/tasks/" + id + "/result?wait=1");
        long resultMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.status()).as(result.toString()).isEqualTo(202);
        assertThat(resultMillis).isBetween(1_000L, 3_000L);
    }

    @Test
    void aRepeatedSubmissionOfAFinishedTaskAnswersAtOnceWhenWaiting() {
        String key = "wait-repeat-" + System.nanoTime();
        Api.Reply first = api.post("/api/tasks?wait=30", "{\"handler\":\"noop\",\"idempotencyKey\":\"" + key + "\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        long start = System.nanoTime();
        Api.Reply repeat = api.post("/api/tasks?wait=30", "{\"handler\":\"noop\",\"idempotencyKey\":\"" + key + "\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(repeat.json().getString("status")).isEqualTo("SUCCEEDED");
        // not held until the once-a-second poll notices what is already finished
        assertThat(millis).as("ms to answer").isLessThan(900);
    }

    @Test
    void resultEndpointWaitsForTheOutcome() {
        String id = api.post("/api/tasks", "{\"handler\":\"sleep\",\"params\":{\"ms\":300}}")
                .json()
                .getString("id");

        Api.Reply result = api.get("/api/tasks/" + id + "/result?wait=30");

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().getString("status")).isEqualTo("SUCCEEDED");
        assertThat(result.json().getJsonObject("result").getInt("slept")).isEqualTo(300);
    }
}

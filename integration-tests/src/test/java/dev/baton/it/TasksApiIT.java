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

package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/tasks/batch}: many tasks in one transaction, all or nothing. */
@ExtendWith(ArquillianExtension.class)
class BatchSubmitIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Tasks tasks = Tasks.of(api);

    @Test
    void aBatchStoresEveryTaskInOrderAndTheyAllRun() {
        String key = Tasks.unique("batch-key");
        Api.Reply reply = api.post(
                "/api/tasks/batch",
                "{\"tasks\":[{\"handler\":\"noop\"},{\"handler\":\"echo\",\"params\":{\"n\":2}},"
                        + "{\"handler\":\"add.js\",\"params\":{\"a\":1,\"b\":2},\"idempotencyKey\":\"" + key + "\"}]}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        JsonArray submitted = reply.json().getJsonArray("tasks");
        assertThat(submitted).hasSize(3);
        assertThat(submitted.getJsonObject(1).getString("handler")).isEqualTo("echo");
        assertThat(submitted.getJsonObject(2).getBoolean("created")).isTrue();
        assertThat(tasks.awaitStatus(submitted.getJsonObject(0).getString("id"), "SUCCEEDED")
                        .get("result"))
                .isEqualTo(JsonValue.NULL);
        assertThat(tasks.awaitStatus(submitted.getJsonObject(1).getString("id"), "SUCCEEDED")
                        .getJsonObject("result")
                        .getInt("n"))
                .isEqualTo(2);
        JsonObject added = tasks.awaitStatus(submitted.getJsonObject(2).getString("id"), "SUCCEEDED");
        assertThat(added.getInt("result")).isEqualTo(3);
        assertThat(added.getJsonArray("attempts")).hasSize(1);

        JsonObject again = api.post(
                        "/api/tasks/batch",
                        "{\"tasks\":[{\"handler\":\"add.js\",\"params\":{\"a\":1,\"b\":2},\"idempotencyKey\":\"" + key
                                + "\"}]}")
                .json()
                .getJsonArray("tasks")
                .getJsonObject(0);
        assertThat(again.getBoolean("created")).isFalse();
        assertThat(again.getString("id")).isEqualTo(added.getString("id"));
    }

    @Test
    void oneBadTaskRefusesTheWholeBatchNamingItsPlace() {
        String key = Tasks.unique("refused");
        String goodTask = "{\"handler\":\"noop\",\"idempotencyKey\":\"" + key + "\"}";
        JsonObject rules = assertProblem(
                api.post("/api/tasks/batch", "{\"tasks\":[" + goodTask + ",{\"handler\":\"noop\",\"priority\":101}]}"),
                422);
        assertThat(Problem.fields(rules)).containsExactly("/tasks/1/priority");
        JsonObject unknown = assertProblem(
                api.post(
                        "/api/tasks/batch",
                        "{\"tasks\":[{\"handler\":\"noop\"},{\"handler\":\"nope-" + Tasks.unique("h") + "\"}]}"),
                400);
        assertThat(Problem.fields(unknown)).containsExactly("/tasks/1/handler");
        assertThat(Problem.strings(unknown, "knownHandlers")).contains("noop");
        assertThat(Problem.fields(assertProblem(
                        api.post("/api/tasks/batch", "{\"tasks\":[{\"handler\":\"noop\",\"x\":1}]}"), 400)))
                .containsExactly("/tasks/0/x");
        assertProblem(api.post("/api/tasks/batch", "{\"tasks\":[]}"), 422);
        assertProblem(api.post("/api/tasks/batch", "{\"tasks\":"), 400);
        assertProblem(Api.as("worker", "worker").post("/api/tasks/batch", "{\"tasks\":[{\"handler\":\"noop\"}]}"), 403);
        Api.Reply alone = api.post("/api/tasks/batch", "{\"tasks\":[" + goodTask + "]}");
        assertThat(alone.json().getJsonArray("tasks").getJsonObject(0).getBoolean("created"))
                .as("the good task of the refused batch was not stored")
                .isTrue();
    }
}

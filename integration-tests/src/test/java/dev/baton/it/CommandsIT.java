package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cluster commands round trip: to the node over the commands topic, to workers through heartbeats. */
@ExtendWith(ArquillianExtension.class)
class CommandsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Tasks tasks = Tasks.of(api);

    @AfterEach
    void resumeEveryNode() {
        send("{\"command\":\"resume\",\"target\":\"nodes\"}");
    }

    @Test
    void pingIsAnsweredByEveryNode() {
        Api.Reply reply = api.post("/api/commands?wait=20", "{\"command\":\"ping\",\"target\":\"nodes\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Location")).contains("/api/commands/");
        JsonObject command = reply.json();
        assertThat(command.getBoolean("complete")).isTrue();
        JsonObject answer = command.getJsonArray("results").getJsonObject(0);
        assertThat(answer.getString("member")).isEqualTo("node:" + selfNode());
        assertThat(answer.getBoolean("ok")).isTrue();
        assertThat(answer.getJsonObject("result").getString("node")).isEqualTo(selfNode());
        assertThat(api.get("/api/commands/" + command.getString("id")).json().getJsonArray("results"))
                .hasSize(1);
    }

    @Test
    void reloadWorkspaceAnswersTheScriptsTheNodeSees() {
        JsonObject answer = send("{\"command\":\"reload-workspace\",\"target\":\"node:" + selfNode() + "\"}")
                .getJsonArray("results")
                .getJsonObject(0);
        assertThat(answer.getJsonObject("result").getJsonArray("scripts").toString())
                .contains("add.js")
                .contains("hang.sh");
    }

    @Test
    void cancelTaskCancelsItAndKillsTheRunningScript() {
        String id = tasks.submitId("{\"handler\":\"hang.sh\",\"timeoutSeconds\":600}");
        tasks.awaitStatus(id, "RUNNING");

        JsonObject command =
                send("{\"command\":\"cancel-task\",\"target\":\"nodes\",\"args\":{\"taskId\":\"" + id + "\"}}");

        assertThat(tasks.get(id).getString("status")).isEqualTo("CANCELLED");
        assertThat(command.getJsonArray("results").getJsonObject(0).getBoolean("ok"))
                .isTrue();
        assertThat(tasks.get(id).getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("CANCELLED");
    }

    @Test
    void aWorkerGetsItsCommandOnceWithAHeartbeatAndItsAnswerIsCollected() {
        RemoteWorkers worker = RemoteWorkers.register("cmd-1", 1, Tasks.unique("remote.cmd"));

        Api.Reply sent = api.post(
                "/api/commands?wait=0",
                "{\"command\":\"rotate-logs\",\"target\":\"worker:" + worker.id() + "\",\"args\":{\"keep\":3}}");
        assertThat(sent.status()).isEqualTo(202);
        String id = sent.json().getString("id");
        assertThat(sent.json().getInt("pending")).isEqualTo(1);

        JsonObject heartbeat = worker.heartbeat().json();
        JsonObject delivered = heartbeat.getJsonArray("commands").getJsonObject(0);
        assertThat(delivered.getString("id")).isEqualTo(id);
        assertThat(delivered.getString("name")).isEqualTo("rotate-logs");
        assertThat(delivered.getJsonObject("args").getInt("keep")).isEqualTo(3);
        assertThat(worker.heartbeat().json().getJsonArray("commands")).isEmpty();

        Api workerApi = Api.as("worker", "worker");
        Api.Reply answered = workerApi.post(
                "/api/commands/" + id + "/results/" + worker.id(), "{\"ok\":true,\"result\":{\"rotated\":2}}");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonObject command = api.get("/api/commands/" + id).json();
        assertThat(command.getBoolean("complete")).isTrue();
        assertThat(command.getJsonArray("results")
                        .getJsonObject(0)
                        .getJsonObject("result")
                        .getInt("rotated"))
                .isEqualTo(2);
        assertProblem(workerApi.post("/api/commands/" + id + "/results/" + worker.id(), "{\"ok\":true}"), 409);
        assertProblem(workerApi.post("/api/commands/" + id + "/results/someone-else", "{\"ok\":true}"), 404);
    }

    @Test
    void drainAndResumeReachAWorkerWithoutItsHelp() {
        RemoteWorkers worker = RemoteWorkers.register("cmd-drain", 1, Tasks.unique("remote.cmddrain"));

        JsonObject drained = send("{\"command\":\"drain\",\"target\":\"worker:" + worker.id() + "\"}");
        assertThat(drained.getJsonArray("results").getJsonObject(0).getBoolean("ok"))
                .isTrue();
        assertThat(worker.status()).isIn("STOPPING", "STOPPED");

        send("{\"command\":\"resume\",\"target\":\"worker:" + worker.id() + "\"}");
        assertThat(worker.status()).isEqualTo("IDLE");
    }

    @Test
    void drainThroughACommandStopsTheNodeTakingWork() {
        JsonObject drained = send("{\"command\":\"drain\",\"target\":\"nodes\",\"args\":{\"timeoutSeconds\":30}}");
        assertThat(drained.getJsonArray("results").getJsonObject(0).getBoolean("ok"))
                .isTrue();
        Tasks.await().until(() -> api.get("/api/nodes/" + selfNode())
                .json()
                .getString("status")
                .equals("STOPPED"));
        String id = tasks.submitId("{\"handler\":\"noop\"}");
        assertThat(tasks.status(id)).isEqualTo("QUEUED");

        send("{\"command\":\"resume\",\"target\":\"nodes\"}");
        tasks.awaitStatus(id, "SUCCEEDED");
    }

    @Test
    void anUnknownCommandIsAFailedAnswerNamingTheKnownOnes() {
        JsonObject answer = send("{\"command\":\"no-such-command\",\"target\":\"nodes\"}")
                .getJsonArray("results")
                .getJsonObject(0);
        assertThat(answer.getBoolean("ok")).isFalse();
        assertThat(answer.getString("error"))
                .contains("unknown command")
                .contains("ping")
                .contains("cancel-task");
    }

    @Test
    void badCommandsGetProblems() {
        assertThat(Problem.fields(assertProblem(api.post("/api/commands", "{\"target\":\"all\"}"), 422)))
                .contains("/command");
        assertThat(Problem.fields(
                        assertProblem(api.post("/api/commands", "{\"command\":\"ping\",\"target\":\"moon\"}"), 422)))
                .contains("/target");
        assertThat(Problem.fields(assertProblem(api.post("/api/commands", "{\"command\":\"ping\",\"args\":[1]}"), 400)))
                .contains("/args");
        assertProblem(api.post("/api/commands", "{\"command\":\"ping\",\"target\":\"node:nowhere\"}"), 404);
        assertProblem(api.post("/api/commands", "{\"command\":\"ping\",\"target\":\"worker:nobody\"}"), 404);
        assertThat(Problem.fields(assertProblem(api.post("/api/commands", "{\"command\":\"cancel-task\"}"), 422)))
                .contains("/args/taskId");
        assertProblem(api.post("/api/commands", "{\"command\":\"cancel-task\",\"args\":{\"taskId\":\"nope\"}}"), 404);
        assertThat(Problem.fields(assertProblem(
                        api.post("/api/commands", "{\"command\":\"drain\",\"args\":{\"timeoutSeconds\":-5}}"), 422)))
                .contains("/args/timeoutSeconds");
        assertProblem(api.post("/api/commands?wait=99", "{\"command\":\"ping\"}"), 400);
        assertProblem(Api.as("submitter", "submitter").post("/api/commands", "{\"command\":\"ping\"}"), 403);
        assertProblem(api.get("/api/commands/nope"), 404);
    }

    private JsonObject send(String body) {
        Api.Reply reply = api.post("/api/commands?wait=20", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private String selfNode() {
        return api.get("/api/nodes").json().getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject())
                .filter(n -> n.getBoolean("self"))
                .findFirst()
                .orElseThrow()
                .getString("name");
    }
}

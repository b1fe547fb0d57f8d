package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The remote worker protocol against the running server, spoken raw over HTTP: dispatch to workers,
 * reports, leases, revival of a silent worker's tasks, drain and resume, bad input. The test server's
 * lease is 4 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class RemoteWorkersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Tasks tasks = Tasks.of(api);

    @Test
    void aTaskForARemoteHandlerWaitsForAWorkerAndEndsWithItsResult() {
        String handler = Tasks.unique("remote.upper");
        RemoteWorkers worker = RemoteWorkers.register("upper-1", 2, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\",\"params\":{\"text\":\"abc\"},\"name\":\"up\"}");
        assertThat(tasks.status(id)).isEqualTo("QUEUED");

        JsonObject polled = worker.pollOne(10);
        assertThat(polled.getString("id")).isEqualTo(id);
        assertThat(polled.getString("handler")).isEqualTo(handler);
        assertThat(polled.getJsonObject("params").getString("text")).isEqualTo("abc");
        assertThat(polled.getInt("try")).isEqualTo(1);
        JsonObject running = tasks.get(id);
        assertThat(running.getString("status")).isEqualTo("RUNNING");
        assertThat(running.getString("worker")).isEqualTo(worker.id());

        Api.Reply done = worker.complete(polled, "{\"text\":\"ABC\"}");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getString("status")).isEqualTo("SUCCEEDED");
        JsonObject task = tasks.get(id);
        assertThat(task.getJsonObject("result").getString("text")).isEqualTo("ABC");
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("worker"))
                .isEqualTo(worker.id());
        assertThat(worker.info().getJsonObject("statistics").getInt("processed"))
                .isEqualTo(1);
    }

    @Test
    void aRemoteSplitRunsItsChildrenAndBatonMergesThem() {
        String handler = Tasks.unique("remote.split");
        RemoteWorkers worker = RemoteWorkers.register("split-1", 1, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\",\"maxTries\":1}");

        Api.Reply split = worker.complete(
                worker.pollOne(10),
                "{\"$split\":[{\"handler\":\"echo\",\"params\":1},{\"handler\":\"echo\",\"params\":2}]}");
        assertThat(split.json().getString("status")).isEqualTo("WAITING");

        JsonObject merged = tasks.awaitStatus(id, "SUCCEEDED");
        assertThat(merged.getJsonObject("result").getJsonArray("children").toString())
                .isEqualTo("[1,2]");
        assertThat(merged.getInt("childrenCompleted")).isEqualTo(2);
    }

    @Test
    void aWaitingPollReceivesATaskSubmittedWhileItWaits() {
        String handler = Tasks.unique("remote.later");
        RemoteWorkers worker = RemoteWorkers.register("later-1", 1, handler);
        CompletableFuture<Api.Reply> poll = CompletableFuture.supplyAsync(() -> worker.poll(1, 20));
        Tasks.await().until(() -> worker.info().getString("status").equals("IDLE"));
        String id = tasks.submitId("{\"handler\":\"" + handler + "\"}");

        Api.Reply reply = poll.join();

        assertThat(reply.json().getJsonArray("tasks")).hasSize(1);
        assertThat(reply.json().getJsonArray("tasks").getJsonObject(0).getString("id"))
                .isEqualTo(id);
    }

    @Test
    void remoteHandlersAreListedAndStillNoTaskForAnUnknownHandler() {
        String handler = Tasks.unique("remote.listed");
        RemoteWorkers.register("listed-1", 1, handler);

        JsonObject listed = api.get("/api/handlers").json().getJsonArray("items").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(h -> h.getString("name").equals(handler))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getString("kind")).isEqualTo("remote");
        assertThat(listed.getString("description")).contains("1 remote worker");
        assertProblem(api.post(Tasks.BASE, "{\"handler\":\"" + handler + "-nobody\"}"), 400);
    }

    @Test
    void theHighestPriorityIsPolledFirst() {
        String handler = Tasks.unique("remote.prio");
        RemoteWorkers worker = RemoteWorkers.register("prio-1", 1, handler);
        String low = tasks.submitId("{\"handler\":\"" + handler + "\",\"priority\":5}");
        String high = tasks.submitId("{\"handler\":\"" + handler + "\",\"priority\":95}");

        JsonObject first = worker.pollOne(10);
        JsonObject second = worker.pollOne(10);

        assertThat(first.getString("id")).isEqualTo(high);
        assertThat(second.getString("id")).isEqualTo(low);
    }

    @Test
    void aFailureIsRetriedAndProgressIsVisibleOnTheTask() {
        String handler = Tasks.unique("remote.flaky");
        RemoteWorkers worker = RemoteWorkers.register("flaky-1", 1, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\",\"maxTries\":3}");

        JsonObject first = worker.pollOne(10);
        Api.Reply progress = worker.report(
                first,
                "progress",
                "{\"lease\":\"" + first.getString("lease") + "\",\"percent\":40,\"message\":\"resizing\"}");
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        assertThat(tasks.get(id).getJsonObject("progress").getInt("percent")).isEqualTo(40);
        assertThat(worker.fail(first, "disk full").json().getString("status")).isEqualTo("QUEUED");

        JsonObject second = worker.pollOne(10);
        assertThat(second.getString("id")).isEqualTo(id);
        assertThat(second.getInt("try")).isEqualTo(2);
        assertThat(second.getString("lease")).isNotEqualTo(first.getString("lease"));
        worker.complete(second, "42");

        JsonObject task = tasks.get(id);
        assertThat(task.getInt("result")).isEqualTo(42);
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("FAILED");
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("error"))
                .isEqualTo("disk full");
        assertThat(worker.info().getJsonObject("statistics").getInt("failed")).isEqualTo(1);
    }

    @Test
    void aReportUnderALostLeaseIsRefusedAndTheHeartbeatSaysStop() {
        String handler = Tasks.unique("remote.lost");
        RemoteWorkers worker = RemoteWorkers.register("lost-1", 1, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        JsonObject polled = worker.pollOne(10);

        tasks.cancel(id);

        JsonObject heartbeat = worker.heartbeat(id).json();
        assertThat(heartbeat.getJsonArray("cancel").getString(0)).isEqualTo(id);
        JsonObject problem = assertProblem(worker.complete(polled, "1"), 409);
        assertThat(problem.getString("type")).endsWith("lease-lost");
        assertThat(tasks.get(id).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aSilentWorkerIsDeadAfterItsLeaseAndItsTaskRunsElsewhereOnce() {
        String handler = Tasks.unique("remote.revive");
        RemoteWorkers silent = RemoteWorkers.register("silent-1", 1, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\",\"maxTries\":3}");
        JsonObject lost = silent.pollOne(10);

        Tasks.await().atMost(Duration.ofSeconds(30)).until(() -> silent.status().equals("DEAD"));
        RemoteWorkers other = RemoteWorkers.register("rescuer-1", 1, handler);
        JsonObject again = other.pollOne(20);
        assertThat(again.getString("id")).isEqualTo(id);
        assertThat(other.complete(again, "\"done\"").status()).isEqualTo(200);

        assertProblem(silent.complete(lost, "\"late\""), 409);
        JsonObject task = tasks.get(id);
        assertThat(task.getString("result")).isEqualTo("done");
        assertThat(task.getJsonArray("attempts")).hasSize(2);
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("INTERRUPTED");
        assertThat(task.getJsonArray("attempts").getJsonObject(1).getString("worker"))
                .isEqualTo(other.id());
        // the silent worker comes back: alive again, but it ran nothing it still owns
        assertThat(silent.heartbeat().json().getString("status")).isEqualTo("IDLE");
    }

    @Test
    void aDrainedWorkerFinishesInFlightWorkGetsNoMoreStopsAndResumes() {
        String handler = Tasks.unique("remote.drain");
        RemoteWorkers worker = RemoteWorkers.register("drain-1", 2, handler);
        String first = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        JsonObject inFlight = worker.pollOne(10);
        String second = tasks.submitId("{\"handler\":\"" + handler + "\"}");

        JsonObject drained = api.post(RemoteWorkers.BASE + "/" + worker.id() + "/drain?timeoutSeconds=60")
                .json();
        assertThat(drained.getString("status")).isEqualTo("STOPPING");
        JsonObject poll = worker.poll(1, 5).json();
        assertThat(poll.getJsonArray("tasks")).isEmpty();
        assertThat(poll.getString("status")).isEqualTo("STOPPING");
        assertThat(worker.complete(inFlight, "1").status()).isEqualTo(200);
        Tasks.await().until(() -> worker.status().equals("STOPPED"));
        assertThat(tasks.status(first)).isEqualTo("SUCCEEDED");
        assertThat(tasks.status(second)).isEqualTo("QUEUED");

        assertThat(api.post(RemoteWorkers.BASE + "/" + worker.id() + "/resume")
                        .json()
                        .getString("status"))
                .isEqualTo("IDLE");
        assertThat(worker.pollOne(10).getString("id")).isEqualTo(second);
    }

    @Test
    void aDrainTimeoutRequeuesWhatStillRuns() {
        String handler = Tasks.unique("remote.drainout");
        RemoteWorkers worker = RemoteWorkers.register("drainout-1", 1, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        worker.pollOne(10);

        api.post(RemoteWorkers.BASE + "/" + worker.id() + "/drain?timeoutSeconds=0");

        Tasks.await().until(() -> worker.status().equals("STOPPED"));
        assertThat(tasks.status(id)).isEqualTo("QUEUED");
        assertThat(tasks.get(id).getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("INTERRUPTED");
    }

    @Test
    void deregisteringRequeuesRunningTasksAndEndsTheWorker() {
        String handler = Tasks.unique("remote.bye");
        RemoteWorkers worker = RemoteWorkers.register("bye-1", 1, handler);
        String id = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        worker.pollOne(10);

        assertThat(worker.deregister().status()).isEqualTo(204);

        assertThat(worker.status()).isEqualTo("LEFT");
        assertThat(tasks.status(id)).isEqualTo("QUEUED");
        assertProblem(worker.poll(1, 0), 409);
        // its handler had no other worker: new submissions are refused again
        assertProblem(api.post(Tasks.BASE, "{\"handler\":\"" + handler + "\"}"), 400);
    }

    @Test
    void statisticsAreListedAndTabulated() {
        String handler = Tasks.unique("remote.stats");
        RemoteWorkers worker = RemoteWorkers.register("stats-1", 3, handler);
        tasks.submitId("{\"handler\":\"" + handler + "\"}");
        worker.complete(worker.pollOne(10), "null");

        JsonObject listed = api.get(RemoteWorkers.BASE).json();
        assertThat(listed.getJsonArray("workers").toString()).contains(worker.id());
        Api.Reply table = api.get(RemoteWorkers.BASE + "/statistics");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.contentType()).startsWith("text/plain");
        assertThat(table.body())
                .contains("PROCESSED")
                .contains("stats-1 (" + worker.id() + ")")
                .contains("node");
        JsonObject nodes = api.get("/api/nodes").json();
        JsonObject self = nodes.getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject())
                .filter(n -> n.getBoolean("self"))
                .findFirst()
                .orElseThrow();
        assertThat(self.getJsonArray("handlers").toString())
                .contains("\"noop\"")
                .contains("\"add.js\"");
        assertThat(self.getInt("threads")).isPositive();
    }

    @Test
    void badInputGetsProblemsNamingTheField() {
        Api workerApi = Api.as("worker", "worker");
        assertThat(Problem.fields(assertProblem(workerApi.post(RemoteWorkers.BASE, "{\"name\":\"x\"}"), 422)))
                .contains("/handlers");
        assertThat(Problem.fields(assertProblem(
                        workerApi.post(RemoteWorkers.BASE, "{\"name\":\"x\",\"handlers\":[\"a\"],\"color\":1}"), 400)))
                .contains("/color");
        assertThat(Problem.fields(assertProblem(
                        workerApi.post(RemoteWorkers.BASE, "{\"name\":\"x y\",\"handlers\":[\"a\"],\"threads\":0}"),
                        422)))
                .contains("/name", "/threads");
        assertProblem(workerApi.post(RemoteWorkers.BASE, "{\"name\":"), 400);
        assertProblem(
                Api.as("submitter", "submitter").post(RemoteWorkers.BASE, "{\"name\":\"x\",\"handlers\":[\"a\"]}"),
                403);

        RemoteWorkers worker = RemoteWorkers.register("bad-1", 1, Tasks.unique("remote.bad"));
        assertProblem(worker.poll(0, 0), 400);
        assertProblem(worker.poll(1, 61), 400);
        assertProblem(workerApi.post(RemoteWorkers.BASE + "/nope/poll?wait=0"), 404);
        assertProblem(workerApi.post(RemoteWorkers.BASE + "/" + worker.id() + "/tasks/t1/explode", "{}"), 404);
        assertThat(Problem.fields(assertProblem(
                        workerApi.post(RemoteWorkers.BASE + "/" + worker.id() + "/tasks/t1/complete", "{\"result\":1}"),
                        400)))
                .contains("/lease");
        assertProblem(
                workerApi.post(RemoteWorkers.BASE + "/" + worker.id() + "/tasks/t1/complete", "{\"lease\":\"1\"}"),
                404);
        assertProblem(workerApi.post(RemoteWorkers.BASE + "/" + worker.id() + "/heartbeat", "{\"running\":7}"), 400);
        assertProblem(Api.as("worker", "worker").post(RemoteWorkers.BASE + "/" + worker.id() + "/drain"), 403);
    }
}

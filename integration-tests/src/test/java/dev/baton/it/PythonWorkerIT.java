package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.sdk.Client;
import dev.baton.sdk.TaskFailedException;
import dev.baton.sdk.TaskHandle;
import dev.baton.sdk.TaskOptions;
import dev.baton.sdk.Worker;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dependency-free Python worker (examples/workers/python/worker.py) against the real server, driven
 * by the Java SDK's Client: end to end, SIGTERM (graceful), SIGKILL mid-task (revived after the 4 s
 * lease and finished by a Java SDK worker exactly once).
 */
@ExtendWith(ArquillianExtension.class)
class PythonWorkerIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    public record Text(String text) {}

    private final Api admin = Api.admin();
    private final Tasks tasks = Tasks.of(admin);
    private final List<AutoCloseable> cleanup = Collections.synchronizedList(new ArrayList<>());
    private final Client client =
            Client.builder().url(Api.BASE).credentials("submitter", "submitter").build();

    @AfterEach
    void cleanUp() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(cleanup);
        Collections.reverse(all);
        for (AutoCloseable closeable : all) {
            closeable.close();
        }
    }

    /** Starts worker.py and waits until it registered; answers the process and its registration. */
    private WorkerProcesses.Started python(String name, String prefix, int threads) {
        WorkerProcesses.Started python = WorkerProcesses.pythonWorker(name, prefix, threads);
        cleanup.add(python);
        Awaitility.await("worker.py registers; output:\n" + python.output())
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> WorkerProcesses.status(name).equals("IDLE"));
        return python;
    }

    private static String prefix() {
        return Tasks.unique("py") + ".";
    }

    @Test
    void thePythonWorkerRegistersRunsTasksReportsProgressFailuresAndCancels() {
        String name = Tasks.unique("py-e2e");
        String prefix = prefix();
        WorkerProcesses.Started python = python(name, prefix, 2);
        JsonObject registered = WorkerProcesses.byName(name).orElseThrow();
        assertThat(registered.getInt("threads")).isEqualTo(2);
        assertThat(registered.getJsonArray("handlers").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder(prefix + "upper", prefix + "slow", prefix + "fail");

        assertThat(client.play(prefix + "upper", new Text("hello"), Text.class)).isEqualTo(new Text("HELLO"));
        assertThat(client.play(prefix + "upper", Map.of("text", "json"))
                        .asJsonObject()
                        .getString("text"))
                .isEqualTo("JSON");

        assertThatThrownBy(() -> client.play(
                        prefix + "fail",
                        Map.of("message", "bad input"),
                        TaskOptions.defaults().maxTries(1),
                        Text.class))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("ERROR");
                    assertThat(e.error()).isEqualTo("bad input");
                });

        // two slow tasks run at once on its two threads, with progress on the task
        TaskHandle a = client.queue(prefix + "slow", Map.of("ms", 2000, "text", "abc"));
        TaskHandle b = client.queue(prefix + "slow", Map.of("ms", 2000, "text", "def"));
        Tasks.await()
                .until(() -> tasks.status(a.id()).equals("RUNNING")
                        && tasks.status(b.id()).equals("RUNNING"));
        Tasks.await().until(() -> client.task(a).get("progress") instanceof JsonObject);
        JsonObject slow = client.result(a, Duration.ofSeconds(30), JsonObject.class);
        assertThat(slow.getInt("sleptMs")).isEqualTo(2000);
        assertThat(slow.getString("text")).isEqualTo("ABC");
        assertThat(slow.getString("worker")).isEqualTo(name);
        assertThat(client.result(b, Duration.ofSeconds(30), JsonObject.class).getString("text"))
                .isEqualTo("DEF");
        assertThat(client.task(a).getJsonObject("progress").getString("message"))
                .startsWith("step ");

        // commands reach it with its heartbeat: ping answers, an unknown one is refused
        Api.Reply ping = admin.post(
                "/api/commands?wait=20",
                "{\"command\":\"ping\",\"target\":\"worker:" + registered.getString("id")
                        + "\",\"args\":{\"from\":\"it\"}}");
        assertThat(ping.status()).as(ping.toString()).isEqualTo(200);
        JsonObject pong = ping.json().getJsonArray("results").getJsonObject(0);
        assertThat(pong.getBoolean("ok")).as(ping.toString()).isTrue();
        assertThat(pong.getJsonObject("result").getString("pong")).isEqualTo("it");
        Api.Reply unknown = admin.post(
                "/api/commands?wait=20",
                "{\"command\":\"frobnicate\",\"target\":\"worker:" + registered.getString("id") + "\"}");
        assertThat(unknown.json().getJsonArray("results").getJsonObject(0).getString("error"))
                .as(unknown.toString())
                .contains("unknown command 'frobnicate'");

        // a cancel reaches it through the heartbeat
        TaskHandle cancelled = client.queue(prefix + "slow", Map.of("ms", 60_000));
        Tasks.await().until(() -> tasks.status(cancelled.id()).equals("RUNNING"));
        client.cancel(cancelled);
        Tasks.await().until(() -> python.output().contains("task " + cancelled.id() + " cancelled by Baton"));
        Tasks.await().until(() -> WorkerProcesses.byName(name).orElseThrow().getInt("running") == 0);
        assertThat(client.play(prefix + "upper", new Text("still here"), Text.class))
                .isEqualTo(new Text("STILL HERE"));
    }

    @Test
    void sigtermLetsTheInFlightTaskFinishThenThePythonWorkerDeregisters() {
        String name = Tasks.unique("py-term");
        String prefix = prefix();
        WorkerProcesses.Started python = python(name, prefix, 1);
        TaskHandle handle = client.queue(prefix + "slow", Map.of("ms", 3000, "text", "bye"));
        Tasks.await().until(() -> tasks.status(handle.id()).equals("RUNNING"));

        int exit = python.terminate();

        assertThat(exit).as(python.output()).isZero();
        JsonObject task = tasks.get(handle.id());
        assertThat(task.getString("status")).as(python.output()).isEqualTo("SUCCEEDED");
        assertThat(task.getJsonObject("result").getString("text")).isEqualTo("BYE");
        assertThat(task.getJsonArray("attempts")).hasSize(1);
        assertThat(WorkerProcesses.status(name)).isEqualTo("LEFT");
    }

    @Test
    void aKilledPythonWorkersTaskIsRevivedAndFinishedOnceByAJavaWorker() {
        String name = Tasks.unique("py-victim");
        String prefix = prefix();
        WorkerProcesses.Started python = python(name, prefix, 1);
        String pythonId = WorkerProcesses.byName(name).orElseThrow().getString("id");
        String id = tasks.submitId(
                "{\"handler\":\"" + prefix + "slow\",\"params\":{\"ms\":60000,\"text\":\"x\"},\"maxTries\":3}");
        Tasks.await().until(() -> tasks.status(id).equals("RUNNING"));
        assertThat(tasks.get(id).getString("worker")).isEqualTo(pythonId);

        python.kill9();
        AtomicInteger runs = new AtomicInteger();
        Worker rescuer = Worker.builder()
                .url(Api.BASE)
                .credentials("worker", "worker")
                .name(Tasks.unique("py-rescuer"))
                .pollWait(Duration.ofSeconds(5))
                .handler(prefix + "slow", ctx -> {
                    runs.incrementAndGet();
                    return Map.of("rescued", ctx.taskId(), "try", ctx.tryNumber());
                })
                .start();
        cleanup.add(rescuer);

        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED");
        assertThat(task.getJsonObject("result").getString("rescued")).isEqualTo(id);
        assertThat(task.getJsonObject("result").getInt("try")).isEqualTo(2);
        assertThat(task.getJsonArray("attempts")).hasSize(2);
        JsonObject interrupted = task.getJsonArray("attempts").getJsonObject(0);
        assertThat(interrupted.getString("outcome")).isEqualTo("INTERRUPTED");
        assertThat(interrupted.getString("worker")).isEqualTo(pythonId);
        assertThat(task.getJsonArray("attempts").getJsonObject(1).getString("worker"))
                .isEqualTo(rescuer.id());
        assertThat(runs).hasValue(1);
        assertThat(WorkerProcesses.status(name)).isEqualTo("DEAD");
        assertThat(task.get("error")).isEqualTo(JsonValue.NULL);
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.sdk.BatonProblemException;
import dev.baton.sdk.Client;
import dev.baton.sdk.TaskFailedException;
import dev.baton.sdk.TaskHandle;
import dev.baton.sdk.TaskHandler;
import dev.baton.sdk.TaskOptions;
import dev.baton.sdk.Worker;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java SDK (sdk/, dev.baton.sdk) against the real server: Worker and Client together, capacity,
 * a worker JVM killed with SIGKILL mid-task, drain and resume, graceful shutdown, JMS submissions. The
 * test server's worker lease is 4 s and its heartbeat 1 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class SdkWorkersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    /** Params and results as records (JSON-B maps them; they must be public). */
    public record Sum(int a, int b) {}

    private final Api admin = Api.admin();
    private final Tasks tasks = Tasks.of(admin);
    private final List<AutoCloseable> cleanup = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void cleanUp() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(cleanup);
        Collections.reverse(all);
        for (AutoCloseable closeable : all) {
            closeable.close();
        }
    }

    private Worker.Builder worker(String name) {
        return Worker.builder()
                .url(Api.BASE)
                .credentials("worker", "worker")
                .name(name)
                .pollWait(Duration.ofSeconds(5))
                .shutdownGrace(Duration.ofSeconds(10));
    }

    private Worker started(Worker.Builder builder) {
        Worker worker = builder.start();
        cleanup.add(worker);
        return worker;
    }

    private Client client() {
        Client client = Client.builder()
                .url(Api.BASE)
                .credentials("submitter", "submitter")
                .build();
        cleanup.add(client);
        return client;
    }

    private static JsonObject attempt(JsonObject task, int index) {
        return task.getJsonArray("attempts").getJsonObject(index);
    }

    @Test
    void twoWorkersWithOneAndThreeThreadsShareAQueueByCapacity() {
        String handler = Tasks.unique("sdk.share");
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
        for (String name : List.of("one", "three")) {
            running.put(name, new AtomicInteger());
            most.put(name, new AtomicInteger());
        }
        Worker one =
                started(worker(Tasks.unique("share-1")).threads(1).handler(handler, counting("one", running, most)));
        Worker three =
                started(worker(Tasks.unique("share-3")).threads(3).handler(handler, counting("three", running, most)));
        Client client = client();

        List<TaskHandle> handles = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            handles.add(client.queue(handler, Map.of("i", i)));
        }
        Map<String, Integer> byResult = new ConcurrentHashMap<>();
        for (TaskHandle handle : handles) {
            String who = client.result(handle, Duration.ofSeconds(60), String.class);
            byResult.merge(who, 1, Integer::sum);
            String workerId = attempt(client.task(handle), 0).getString("worker");
            assertThat(workerId).isEqualTo(who.equals("one") ? one.id() : three.id());
        }

        assertThat(most.get("one").get()).isEqualTo(1);
        assertThat(most.get("three").get()).isEqualTo(3);
        int byOne = byResult.getOrDefault("one", 0);
        int byThree = byResult.getOrDefault("three", 0);
        assertThat(byOne + byThree).isEqualTo(24);
        System.out.printf("24 tasks shared: %d by the 1-thread worker, %d by the 3-thread worker%n", byOne, byThree);
        // shared by capacity: about 6 and 18
        assertThat(byOne).as("tasks run by the one-thread worker").isBetween(2, 10);
        assertThat(byThree).as("tasks run by the three-thread worker").isGreaterThanOrEqualTo(2 * byOne);
    }

    /** Sleeps 300 ms and answers {@code who}, counting how many of its tasks run at once. */
    private static TaskHandler counting(
            String who, Map<String, AtomicInteger> running, Map<String, AtomicInteger> most) {
        return ctx -> {
            most.get(who).accumulateAndGet(running.get(who).incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
            } finally {
                running.get(who).decrementAndGet();
            }
            return who;
        };
    }

    @Test
    void clientPlaysQueuesAndAwaitsTypedResultsOfAnSdkWorker() {
        String add = Tasks.unique("sdk.add");
        String fail = Tasks.unique("sdk.fail");
        Worker worker = started(worker(Tasks.unique("calc"))
                .threads(2)
                .handler(add, ctx -> {
                    Sum sum = ctx.params(Sum.class);
                    return sum.a() + sum.b();
                })
                .handler(fail, ctx -> {
                    throw new IllegalStateException("no luck on try " + ctx.tryNumber());
                }));
        Client client = client();

        assertThat(client.play(add, new Sum(2, 3), Integer.class)).isEqualTo(5);
        assertThat(client.play(add, Map.of("a", 40, "b", 2))).isEqualTo(Json.createValue(42));

        TaskHandle handle = client.queue(
                add,
                new Sum(1, 1),
                TaskOptions.defaults().priority(90).name("typed").maxTries(2).timeoutSeconds(30));
        assertThat(handle.submittedStatus()).isEqualTo("QUEUED");
        assertThat(client.result(handle, Duration.ofSeconds(30), Integer.class)).isEqualTo(2);
        JsonObject task = client.task(handle);
        assertThat(task.getString("name")).isEqualTo("typed");
        assertThat(task.getInt("priority")).isEqualTo(90);
        assertThat(task.getInt("maxTries")).isEqualTo(2);
        assertThat(task.getInt("timeoutSeconds")).isEqualTo(30);
        assertThat(attempt(task, 0).getString("worker")).isEqualTo(worker.id());

        assertThatThrownBy(() -> client.play(fail, null, TaskOptions.defaults().maxTries(2), String.class))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("ERROR");
                    assertThat(e.error()).isEqualTo("no luck on try 2");
                    JsonObject failed = client.task(TaskHandle.of(e.taskId()));
                    assertThat(failed.getJsonArray("attempts")).hasSize(2);
                    assertThat(attempt(failed, 0).getString("outcome")).isEqualTo("FAILED");
                    assertThat(attempt(failed, 0).getString("error")).isEqualTo("no luck on try 1");
                });

        String key = Tasks.unique("order");
        TaskHandle first =
                client.queue(add, new Sum(5, 5), TaskOptions.defaults().idempotencyKey(key));
        TaskHandle again =
                client.queue(add, new Sum(5, 5), TaskOptions.defaults().idempotencyKey(key));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(client.result(again, Integer.class)).isEqualTo(10);

        assertThatThrownBy(() -> client.play(Tasks.unique("nobody"), null))
                .isInstanceOfSatisfying(BatonProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.typeName()).isEqualTo("unknown-handler");
                    assertThat(e.problem().getJsonArray("knownHandlers").toString())
                            .contains(add);
                });
    }

    @Test
    void progressIsVisibleAndACancelStopsTheHandlerThread() {
        String handler = Tasks.unique("sdk.progress");
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        started(worker(Tasks.unique("progress")).threads(2).handler(handler, ctx -> {
            ctx.progress(50, "half way");
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return ctx.paramsObject().getString("name");
        }));
        Client client = client();

        TaskHandle finishing = client.queue(handler, Map.of("name", "finishing"));
        TaskHandle cancelled = client.queue(handler, Map.of("name", "cancelled"));
        Tasks.await().until(() -> {
            JsonValue progress = client.task(finishing).get("progress");
            return progress instanceof JsonObject p && p.getInt("percent") == 50;
        });
        assertThat(client.task(finishing).getJsonObject("progress").getString("message"))
                .isEqualTo("half way");
        Tasks.await().until(() -> client.task(cancelled).getString("status").equals("RUNNING"));

        assertThat(client.cancel(cancelled).getString("status")).isEqualTo("CANCELLED");
        Tasks.await().untilTrue(interrupted);
        assertThatThrownBy(() -> client.result(cancelled, String.class))
                .isInstanceOfSatisfying(
                        TaskFailedException.class, e -> assertThat(e.status()).isEqualTo("CANCELLED"));

        release.countDown();
        assertThat(client.result(finishing, Duration.ofSeconds(30), String.class))
                .isEqualTo("finishing");
        assertThat(client.task(cancelled).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aKilledWorkerJvmsTaskIsRevivedAfterTheLeaseAndCompletedOnceByAnother() {
        String handler = Tasks.unique("sdk.kill");
        String victimName = Tasks.unique("victim");
        WorkerProcesses.Started victim = WorkerProcesses.javaWorker(victimName, handler, 1);
        cleanup.add(victim);
        Awaitility.await("the worker JVM registers; output:\n" + victim.output())
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> WorkerProcesses.status(victimName).equals("IDLE"));
        String victimId = WorkerProcesses.byName(victimName).orElseThrow().getString("id");

        String id = tasks.submitId("{\"handler\":\"" + handler + "\",\"params\":{\"ms\":60000},\"maxTries\":3}");
        Tasks.await().until(() -> victim.output().contains("RUNNING " + id));
        assertThat(tasks.get(id).getString("worker")).isEqualTo(victimId);

        victim.kill9();
        AtomicInteger runs = new AtomicInteger();
        Set<String> ran = ConcurrentHashMap.newKeySet();
        Worker rescuer = started(worker(Tasks.unique("rescuer")).handler(handler, ctx -> {
            runs.incrementAndGet();
            ran.add(ctx.taskId());
            return "rescued on try " + ctx.tryNumber();
        }));

        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED");
        assertThat(task.getString("result")).isEqualTo("rescued on try 2");
        assertThat(task.getJsonArray("attempts")).hasSize(2);
        assertThat(attempt(task, 0).getString("outcome")).isEqualTo("INTERRUPTED");
        assertThat(attempt(task, 0).getString("worker")).isEqualTo(victimId);
        assertThat(attempt(task, 1).getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(attempt(task, 1).getString("worker")).isEqualTo(rescuer.id());
        assertThat(runs).hasValue(1);
        assertThat(ran).containsExactly(id);
        assertThat(WorkerProcesses.status(victimName)).isEqualTo("DEAD");
    }

    @Test
    void aDrainedWorkerFinishesInFlightTasksTakesNothingNewStopsAndResumes() {
        String handler = Tasks.unique("sdk.drain");
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = started(worker(Tasks.unique("drainee")).threads(2).handler(handler, ctx -> {
            release.await();
            return "done " + ctx.taskId();
        }));
        String first = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        String second = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        Tasks.await().until(() -> worker.runningTasks().size() == 2);

        Api.Reply drain = admin.post(RemoteWorkers.BASE + "/" + worker.id() + "/drain?timeoutSeconds=60");
        assertThat(drain.status()).as(drain.toString()).isEqualTo(200);
        assertThat(drain.json().getString("status")).isEqualTo("STOPPING");
        Tasks.await().until(worker::isDrained);
        assertThat(worker.status()).isEqualTo("STOPPING");
        String third = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> tasks.status(third).equals("QUEUED"));

        release.countDown();
        tasks.awaitStatus(first, "SUCCEEDED");
        tasks.awaitStatus(second, "SUCCEEDED");
        Tasks.await().until(() -> admin.get(RemoteWorkers.BASE + "/" + worker.id())
                .json()
                .getString("status")
                .equals("STOPPED"));
        Tasks.await().until(() -> "STOPPED".equals(worker.status()));
        assertThat(tasks.status(third)).isEqualTo("QUEUED");

        Api.Reply resume = admin.post(RemoteWorkers.BASE + "/" + worker.id() + "/resume");
        assertThat(resume.json().getString("status")).as(resume.toString()).isEqualTo("IDLE");
        JsonObject done = tasks.awaitStatus(third, "SUCCEEDED");
        assertThat(done.getString("result")).isEqualTo("done " + third);
        assertThat(attempt(done, 0).getString("worker")).isEqualTo(worker.id());
        assertThat(worker.isDrained()).isFalse();
    }

    @Test
    void closingAWorkerLetsItsInFlightTaskFinishThenDeregisters() {
        String handler = Tasks.unique("sdk.close");
        CountDownLatch started = new CountDownLatch(1);
        Worker worker = started(worker(Tasks.unique("closer")).handler(handler, ctx -> {
            started.countDown();
            Thread.sleep(1500);
            return "finished";
        }));
        String id = tasks.submitId("{\"handler\":\"" + handler + "\"}");
        Tasks.await().until(() -> started.getCount() == 0);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(worker::close);
        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED");
        closing.join();

        assertThat(task.getString("result")).isEqualTo("finished");
        assertThat(task.getJsonArray("attempts")).hasSize(1);
        assertThat(admin.get(RemoteWorkers.BASE + "/" + worker.id()).json().getString("status"))
                .isEqualTo("LEFT");
        assertThat(worker.isShutdown()).isTrue();
    }

    @Test
    void commandsReachTheWorkerWithItsHeartbeatAndItsAnswersAreCollected() {
        Worker worker = started(worker(Tasks.unique("commanded"))
                .handler(Tasks.unique("sdk.cmd"), ctx -> null)
                .command("ping", args -> Map.of("pong", args.getString("from"))));

        JsonObject ping =
                command("{\"command\":\"ping\",\"target\":\"worker:" + worker.id() + "\",\"args\":{\"from\":\"it\"}}");
        JsonObject pong = ping.getJsonArray("results").getJsonObject(0);
        assertThat(pong.getString("member")).isEqualTo("worker:" + worker.id());
        assertThat(pong.getBoolean("ok")).as(ping.toString()).isTrue();
        assertThat(pong.getJsonObject("result").getString("pong")).isEqualTo("it");

        JsonObject unknown = command("{\"command\":\"frobnicate\",\"target\":\"worker:" + worker.id() + "\"}");
        JsonObject refused = unknown.getJsonArray("results").getJsonObject(0);
        assertThat(refused.getBoolean("ok")).as(unknown.toString()).isFalse();
        assertThat(refused.getString("error")).contains("unknown command 'frobnicate'");
    }

    /** Sends a cluster command as admin and waits until every answer is in. */
    private JsonObject command(String json) {
        Api.Reply reply = admin.post("/api/commands?wait=20", json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getBoolean("complete")).as(reply.toString()).isTrue();
        return reply.json();
    }

    @Test
    void aJmsClientSubmitsOverTheSubmitQueueAndAwaitsTheReply() {
        String add = Tasks.unique("sdk.jms-add");
        String fail = Tasks.unique("sdk.jms-fail");
        started(worker(Tasks.unique("jms-calc"))
                .threads(2)
                .handler(add, ctx -> {
                    Sum sum = ctx.params(Sum.class);
                    return sum.a() + sum.b();
                })
                .handler(fail, ctx -> {
                    throw new IllegalArgumentException("refused");
                }));
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(Jms.URL);
        cleanup.add(factory);
        Client client = Client.builder()
                .url(Api.BASE)
                .credentials("submitter", "submitter")
                .jms(factory, Jms.SUBMIT)
                .build();
        cleanup.add(client);

        assertThat(client.play(add, new Sum(3, 4), Integer.class)).isEqualTo(7);

        TaskHandle handle =
                client.queue(add, new Sum(1, 2), TaskOptions.defaults().priority(70));
        assertThat(handle.id()).isNull();
        assertThat(handle.correlationId()).isNotNull();
        assertThat(client.result(handle, Duration.ofSeconds(30), Integer.class)).isEqualTo(3);
        assertThat(handle.id()).isNotNull();
        JsonObject task = client.task(handle);
        assertThat(task.getString("user")).isEqualTo("jms");
        assertThat(task.getInt("priority")).isEqualTo(70);

        assertThatThrownBy(() -> client.play(fail, null, TaskOptions.defaults().maxTries(1), Integer.class))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("ERROR");
                    assertThat(e.error()).isEqualTo("refused");
                });
    }
}

package dev.baton.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class WorkerTest {

    public record Sum(int a, int b) {}

    private FakeBaton baton;
    private Worker worker;

    @BeforeEach
    void startFake() throws Exception {
        baton = new FakeBaton("worker", "worker");
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.shutdown(Duration.ofSeconds(5));
        }
        baton.close();
    }

    private Worker.Builder builder() {
        return Worker.builder()
                .url(baton.url())
                .credentials("worker", "worker")
                .name("w1")
                .host("test-host")
                .pollWait(Duration.ofSeconds(1))
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20));
    }

    @Test
    void registersItsHandlersThreadsAndTiming() {
        worker = builder()
                .threads(3)
                .handler("b.thumb", ctx -> null)
                .handler("a.resize", ctx -> null)
                .start();

        assertThat(baton.registrations).hasSize(1);
        JsonObject registration = baton.registrations.get(0);
        assertThat(registration.getString("name")).isEqualTo("w1");
        assertThat(registration.getString("host")).isEqualTo("test-host");
        assertThat(registration.getInt("threads")).isEqualTo(3);
        assertThat(registration.getJsonArray("handlers").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("a.resize", "b.thumb");
        assertThat(worker.id()).isEqualTo("w-1");
        assertThat(worker.heartbeatSeconds()).isEqualTo(1);
        assertThat(worker.leaseSeconds()).isEqualTo(3);
        assertThat(baton.requests("POST", "/api/workers").get(0).headers().get("authorization"))
                .startsWith("Basic ");
    }

    @Test
    void wrongCredentialsFailTheStartWithTheProblem() {
        assertThatThrownBy(() -> Worker.builder()
                        .url(baton.url())
                        .credentials("worker", "wrong")
                        .handler("x", ctx -> null)
                        .start())
                .isInstanceOfSatisfying(BatonProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.typeName()).isEqualTo("unauthorized");
                });
    }

    @Test
    void registrationIsRetriedWhileBatonIsUnavailable() {
        baton.unavailable.put("POST /api/workers", new AtomicInteger(2));
        worker = builder().handler("x", ctx -> null).start();
        assertThat(baton.requests("POST", "/api/workers")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(baton.registrations).hasSize(1);
    }

    @Test
    void pollsNoMoreTasksThanItHasFreeThreads() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        worker = builder()
                .threads(2)
                .handler("block", ctx -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } finally {
                        concurrent.decrementAndGet();
                    }
                    return ctx.taskId();
                })
                .start();
        for (int i = 0; i < 6; i++) {
            baton.enqueue("block", JsonValue.EMPTY_JSON_OBJECT);
        }

        await().until(() -> concurrent.get() == 2);
        int pollsWhileBusy = baton.pollMax.size();
        // both threads busy: no poll goes out (it would ask for 0)
        Awaitility.await()
                .during(Duration.ofMillis(1200))
                .atMost(Duration.ofSeconds(3))
                .until(() -> baton.pollMax.size() == pollsWhileBusy);
        assertThat(baton.queue).hasSize(4);

        release.countDown();
        await().until(() -> baton.completed.size() == 6);
        assertThat(baton.pollMax).allSatisfy(max -> assertThat(max).isBetween(1, 2));
        assertThat(baton.pollMax.get(0)).isEqualTo(2);
        assertThat(baton.maxOutstanding.get()).isEqualTo(2);
        assertThat(maxConcurrent.get()).isEqualTo(2);
    }

    @Test
    void reportsResultsFailuresTimeoutsAndSplits() {
        AtomicReference<String> seen = new AtomicReference<>();
        worker = builder()
                .threads(2)
                .handler("add", ctx -> {
                    seen.set(ctx.taskId() + "/" + ctx.tryNumber() + "/" + ctx.name() + "/" + ctx.timeoutSeconds());
                    Sum sum = ctx.params(Sum.class);
                    return Map.of("sum", sum.a() + sum.b());
                })
                .handler("boom", ctx -> {
                    throw new IllegalStateException(
                            "boom: " + ctx.paramsObject().getString("why"));
                })
                .handler("npe", ctx -> {
                    throw new NullPointerException();
                })
                .handler("late", ctx -> {
                    throw new TaskTimedOutException("gave up after 3 s");
                })
                .handler(
                        "fan",
                        ctx -> ctx.split(Child.of("add", new Sum(1, 2)), Child.of("add", Map.of("a", 3, "b", 4))))
                .start();

        String add = baton.enqueue(
                        "add",
                        Json.createObjectBuilder().add("a", 1).add("b", 2).build(),
                        60)
                .getString("id");
        String boom = baton.enqueue(
                        "boom",
                        Json.createObjectBuilder().add("why", "disk full").build())
                .getString("id");
        String npe = baton.enqueue("npe", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        String late = baton.enqueue("late", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        String fan = baton.enqueue("fan", JsonValue.EMPTY_JSON_OBJECT).getString("id");

        await().until(() -> baton.completed.size() == 2 && baton.failed.size() == 3);
        assertThat(baton.completed.get(add).toString()).isEqualTo("{\"lease\":\"7\",\"result\":{\"sum\":3}}");
        assertThat(seen.get()).isEqualTo(add + "/2/task " + add + "/60");
        assertThat(baton.failed.get(boom).getString("error")).isEqualTo("boom: disk full");
        assertThat(baton.failed.get(boom).getBoolean("timedOut")).isFalse();
        assertThat(baton.failed.get(boom).getString("lease")).isEqualTo("7");
        assertThat(baton.failed.get(npe).getString("error")).isEqualTo("java.lang.NullPointerException");
        assertThat(baton.failed.get(late).getString("error")).isEqualTo("gave up after 3 s");
        assertThat(baton.failed.get(late).getBoolean("timedOut")).isTrue();
        // JSON objects compare as maps: Map.of has no member order
        assertThat(baton.completed.get(fan).getJsonObject("result"))
                .isEqualTo(JsonCodec.parse("{\"$split\":[{\"handler\":\"add\",\"params\":{\"a\":1,\"b\":2}},"
                        + "{\"handler\":\"add\",\"params\":{\"a\":3,\"b\":4}}]}"));
    }

    @Test
    void aHandlerOverrunningTheTaskTimeoutIsInterruptedAndReportedTimedOut() {
        AtomicBoolean interrupted = new AtomicBoolean();
        worker = builder()
                .handler("slow", ctx -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return null;
                })
                .start();
        String id = baton.enqueue("slow", JsonValue.EMPTY_JSON_OBJECT, 1).getString("id");

        await().until(() -> baton.failed.containsKey(id));
        assertThat(interrupted).isTrue();
        assertThat(baton.failed.get(id).getString("error")).isEqualTo("timed out after 1 s");
        assertThat(baton.failed.get(id).getBoolean("timedOut")).isTrue();
    }

    @Test
    void progressIsReportedWithTheLease() {
        worker = builder()
                .handler("steps", ctx -> {
                    ctx.progress(40, "resizing");
                    ctx.progress(90, null);
                    return "done";
                })
                .start();
        String id = baton.enqueue("steps", JsonValue.EMPTY_JSON_OBJECT).getString("id");

        await().until(() -> baton.completed.containsKey(id));
        assertThat(baton.progress).hasSize(2);
        assertThat(baton.progress.get(0).toString())
                .isEqualTo("{\"lease\":\"7\",\"percent\":40,\"message\":\"resizing\",\"task\":\"" + id + "\"}");
        assertThat(baton.progress.get(1).containsKey("message")).isFalse();
        assertThatThrownBy(() -> new TaskContext(null, null, null).progress(101, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLostLeaseDropsTheResultAndFreesTheThread() {
        String lost = baton.enqueue("lost", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        String midway =
                baton.enqueue("lost-midway", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        baton.leaseLost.add(lost);
        baton.leaseLost.add(midway);
        String ok = baton.enqueue("ok", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        AtomicReference<Throwable> progressError = new AtomicReference<>();
        AtomicBoolean cancelledSeen = new AtomicBoolean();
        worker = builder()
                .threads(1)
                .handler("lost", ctx -> "never stored")
                .handler("lost-midway", ctx -> {
                    try {
                        ctx.progress(10, "starting");
                    } catch (LeaseLostException e) {
                        progressError.set(e);
                        cancelledSeen.set(ctx.isCancelled());
                        throw e;
                    }
                    return "never stored";
                })
                .handler("ok", ctx -> "fine")
                .start();

        await().until(() -> baton.completed.containsKey(ok));
        assertThat(baton.completed).doesNotContainKeys(lost, midway);
        assertThat(baton.failed).isEmpty();
        assertThat(progressError.get()).isInstanceOf(LeaseLostException.class);
        assertThat(cancelledSeen).isTrue();
        // the complete of "lost" was tried once (409 is final); "lost-midway" reported nothing after its progress
        assertThat(baton.requests("POST", "/api/workers/w-1/tasks/" + lost + "/"))
                .hasSize(1);
        assertThat(baton.requests("POST", "/api/workers/w-1/tasks/" + midway + "/"))
                .extracting(FakeBaton.Request::path)
                .containsExactly("/api/workers/w-1/tasks/" + midway + "/progress");
    }

    @Test
    void heartbeatsListRunningTasksAndCancelsInterruptThem() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        worker = builder()
                .handler("sleepy", ctx -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return null;
                })
                .handler("ok", ctx -> "fine")
                .start();
        String id = baton.enqueue("sleepy", JsonValue.EMPTY_JSON_OBJECT).getString("id");

        await().until(() -> baton.heartbeats.stream()
                .anyMatch(beat -> beat.getJsonArray("running").toString().equals("[\"" + id + "\"]")));
        baton.cancels.add(id);
        await().untilTrue(interrupted);
        // its thread is free again, and nothing was reported for the cancelled task
        String ok = baton.enqueue("ok", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        await().until(() -> baton.completed.containsKey(ok));
        assertThat(baton.requests("POST", "/api/workers/w-1/tasks/" + id + "/")).isEmpty();
        await().until(() -> worker.runningTasks().isEmpty());
    }

    @Test
    void commandsAreAnsweredAndUnknownOnesRefused() {
        worker = builder()
                .handler("x", ctx -> null)
                .command("ping", args -> Map.of("pong", args.getString("from")))
                .command("explode", args -> {
                    throw new IllegalArgumentException("no way");
                })
                .start();
        baton.commands.add(command(
                "c1", "ping", Json.createObjectBuilder().add("from", "ops").build()));
        baton.commands.add(command("c2", "frobnicate", JsonValue.EMPTY_JSON_OBJECT));
        baton.commands.add(command("c3", "explode", JsonValue.EMPTY_JSON_OBJECT));

        await().until(() -> baton.commandResults.size() == 3);
        assertThat(baton.commandResults.get("c1").toString()).isEqualTo("{\"ok\":true,\"result\":{\"pong\":\"ops\"}}");
        assertThat(baton.commandResults.get("c2").getBoolean("ok")).isFalse();
        assertThat(baton.commandResults.get("c2").getString("error")).contains("unknown command 'frobnicate'");
        assertThat(baton.commandResults.get("c3").toString()).isEqualTo("{\"ok\":false,\"error\":\"no way\"}");
        assertThat(baton.requests("POST", "/api/commands/c1/results/w-1")).hasSize(1);
    }

    private static JsonObject command(String id, String name, JsonObject args) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("args", args)
                .build();
    }

    @Test
    void aDrainedWorkerStopsPollingUntilResumed() {
        worker = builder().handler("ok", ctx -> "fine").start();
        await().until(() -> baton.pollMax.size() >= 1);

        baton.drainStatus = "STOPPING";
        await().until(worker::isDrained);
        assertThat(worker.status()).isEqualTo("STOPPING");
        int polls = baton.pollMax.size();
        Awaitility.await()
                .during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> baton.pollMax.size() <= polls + 1);

        baton.drainStatus = null;
        String id = baton.enqueue("ok", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        await().until(() -> baton.completed.containsKey(id));
        assertThat(worker.isDrained()).isFalse();
    }

    @Test
    void shutdownFinishesInFlightTasksThenDeregisters() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        worker = builder()
                .threads(2)
                .handler("work", ctx -> {
                    started.countDown();
                    release.await();
                    return "finished";
                })
                .start();
        String inFlight = baton.enqueue("work", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> worker.shutdown(Duration.ofSeconds(20)));
        // polling stops at once, the registration stays until the task is reported
        await().until(() -> !worker.toString().isEmpty() && pollerGone());
        int polls = baton.pollMax.size();
        String late = baton.enqueue("work", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        assertThat(baton.deleted).isEmpty();
        assertThat(shutdown).isNotDone();

        release.countDown();
        shutdown.get(20, TimeUnit.SECONDS);
        assertThat(baton.completed).containsKey(inFlight);
        assertThat(baton.completed).doesNotContainKey(late);
        assertThat(baton.pollMax).hasSize(polls);
        assertThat(baton.deleted).containsExactly("w-1");
        List<FakeBaton.Request> order = baton.requests;
        int completeAt = indexOf(order, "POST", "/api/workers/w-1/tasks/" + inFlight + "/complete");
        int deleteAt = indexOf(order, "DELETE", "/api/workers/w-1");
        assertThat(completeAt).isLessThan(deleteAt);
        assertThat(worker.isShutdown()).isTrue();
        worker.close(); // idempotent
        assertThat(baton.deleted).hasSize(1);
    }

    private static boolean pollerGone() {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("baton-worker-w1-poller"));
    }

    private static int indexOf(List<FakeBaton.Request> requests, String method, String path) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).method().equals(method)
                    && requests.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void shutdownInterruptsTasksThatOutliveTheGrace() {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        worker = builder()
                .handler("forever", ctx -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                    return "too late";
                })
                .start();
        String id = baton.enqueue("forever", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        await().until(() -> started.getCount() == 0);

        worker.shutdown(Duration.ofMillis(300));
        assertThat(interrupted).isTrue();
        assertThat(baton.completed).doesNotContainKey(id);
        assertThat(baton.deleted).containsExactly("w-1");
    }

    @Test
    void transientFailuresOfReportsAreRetried() {
        baton.unavailable.put("POST /api/workers/w-1/tasks/", new AtomicInteger(3));
        worker = builder().handler("ok", ctx -> "fine").start();
        String id = baton.enqueue("ok", JsonValue.EMPTY_JSON_OBJECT).getString("id");

        await().until(() -> baton.completed.containsKey(id));
        assertThat(baton.requests("POST", "/api/workers/w-1/tasks/" + id + "/complete"))
                .hasSize(4);
    }

    @Test
    void anUnknownRegistrationRegistersAgain() {
        worker = builder().handler("ok", ctx -> "fine").start();
        baton.knownWorkers.clear(); // the server forgot w-1

        await().until(() -> baton.registrations.size() == 2);
        await().until(() -> "w-2".equals(worker.id()));
        String id = baton.enqueue("ok", JsonValue.EMPTY_JSON_OBJECT).getString("id");
        await().until(() -> baton.completed.containsKey(id));
        assertThat(baton.requests("POST", "/api/workers/w-2/tasks/" + id + "/complete"))
                .hasSize(1);
    }

    @Test
    void builderRefusesBadSettings() {
        assertThatThrownBy(() -> Worker.builder().name("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Worker.builder().threads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Worker.builder().pollWait(Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Worker.builder().url(baton.url()).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handler");
        assertThatThrownBy(() -> Worker.builder().handler("x", ctx -> null).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("url");
    }
}

package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.tasks.control.FinishWaits.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FinishWaitsTest {

    private static final JsonObject TASK = Json.createObjectBuilder()
            .add("id", "t1")
            .add("status", "SUCCEEDED")
            .build();

    @Test
    void aFinishCompletesEveryWaitOfThatTaskWithTheSnapshotTakenInItsTransaction() {
        FinishWaits waits = new FinishWaits(10);
        CompletableFuture<Outcome> first = waits.register("t1");
        CompletableFuture<Outcome> second = waits.register("t1");
        CompletableFuture<Outcome> other = waits.register("t2");
        assertThat(waits.isWaitedFor("t1")).isTrue();

        waits.snapshot("t1", TASK);
        FinishWaits.Completion complete = waits.finished("t1");

        assertThat(complete.carriesTask()).isTrue();
        assertThat(first).isNotDone();
        complete.run();
        assertThat(first.join()).isEqualTo(new Outcome(true, TASK));
        assertThat(second.join()).isEqualTo(new Outcome(true, TASK));
        assertThat(other).isNotDone();
        assertThat(waits.isWaitedFor("t1")).isFalse();
        assertThat(waits.isWaitedFor("t2")).isTrue();
    }

    @Test
    void itIsEmptyOnlyWhileNoWaitIsPending() {
        FinishWaits waits = new FinishWaits(10);
        assertThat(waits.isEmpty()).isTrue();

        CompletableFuture<Outcome> wait = waits.register("t1", 1_000);
        CompletableFuture<Outcome> other = waits.register("t2");
        assertThat(waits.isEmpty()).isFalse();

        waits.expired(1_000).run();
        assertThat(wait).isCompletedWithValue(Outcome.TIMED_OUT);
        assertThat(waits.isEmpty()).as("t2 still waits").isFalse();

        waits.finished("t2").run();
        assertThat(other).isDone();
        assertThat(waits.isEmpty()).isTrue();
    }

    @Test
    void aWaitRegisteredAfterItsTaskFinishedHereCompletesAtOnceWithoutASnapshot() {
        FinishWaits waits = new FinishWaits(10);
        assertThat(waits.finished("t1")).isNull(); // nobody waited

        CompletableFuture<Outcome> late = waits.register("t1");

        assertThat(late).isCompletedWithValue(Outcome.FINISHED);
        assertThat(waits.isWaitedFor("t1")).isFalse();
    }

    @Test
    void onlyTheLatestFinishesAreRemembered() {
        FinishWaits waits = new FinishWaits(2);
        waits.finished("t1");
        waits.finished("t2");
        waits.finished("t3");

        assertThat(waits.register("t1")).isNotDone();
        assertThat(waits.register("t2")).isCompletedWithValue(Outcome.FINISHED);
        assertThat(waits.register("t3")).isCompletedWithValue(Outcome.FINISHED);
    }

    @Test
    void aRolledBackFinishLeavesNoSnapshotForALaterOne() {
        FinishWaits waits = new FinishWaits(10);
        CompletableFuture<Outcome> wait = waits.register("t1");
        waits.snapshot("t1", TASK);
        waits.discard("t1");

        FinishWaits.Completion complete = waits.finished("t1");
        assertThat(complete.carriesTask())
                .as("no snapshot: the waiters must read the task")
                .isFalse();
        complete.run();

        assertThat(wait).isCompletedWithValue(Outcome.FINISHED);
    }

    @Test
    void aWaitCompletedElsewhereIsForgotten() {
        FinishWaits waits = new FinishWaits(10);
        CompletableFuture<Outcome> wait = waits.register("t1");

        wait.complete(Outcome.TIMED_OUT);

        assertThat(waits.isWaitedFor("t1")).isFalse();
        assertThat(waits.finished("t1")).isNull();
    }

    @Test
    void noWaitIsMissedWhenRegisteringRacesWithTheFinish() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2_000; round++) {
                FinishWaits waits = new FinishWaits(10);
                CountDownLatch start = new CountDownLatch(1);
                Future<CompletableFuture<Outcome>> registered = threads.submit(() -> {
                    start.await();
                    return waits.register("t");
                });
                Future<Runnable> finished = threads.submit(() -> {
                    start.await();
                    return waits.finished("t");
                });
                start.countDown();
                CompletableFuture<Outcome> wait = registered.get();
                Runnable complete = finished.get();
                if (complete != null) {
                    complete.run();
                }
                assertThat(wait).as("round %d", round).isCompletedWithValue(Outcome.FINISHED);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void waitsOfManyTasksEndIndependently() {
        FinishWaits waits = new FinishWaits(100);
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(waits.register("t" + i));
        }
        for (int i = 0; i < 50; i += 2) {
            waits.finished("t" + i).run();
        }
        for (int i = 0; i < 50; i++) {
            assertThat(all.get(i).isDone()).as("t%d", i).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void aWaitTimesOutAtItsDeadlineAndNotBefore() {
        FinishWaits waits = new FinishWaits(10);
        CompletableFuture<Outcome> early = waits.register("t1", 1_000);
        CompletableFuture<Outcome> late = waits.register("t2", 2_000);
        CompletableFuture<Outcome> forever = waits.register("t3");

        assertThat(waits.expired(999)).isNull();
        waits.expired(1_000).run();

        assertThat(early.join()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(late).isNotDone();
        assertThat(forever).isNotDone();
        assertThat(waits.isWaitedFor("t1")).isFalse();
        assertThat(waits.expired(1_500))
                .as("a completed wait is not expired again")
                .isNull();
        waits.expired(Long.MAX_VALUE - 1).run();
        assertThat(late.join()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(forever).as("no deadline").isNotDone();
    }

    @Test
    void aWaitThatFinishedIsNotTimedOutLater() {
        FinishWaits waits = new FinishWaits(10);
        CompletableFuture<Outcome> wait = waits.register("t1", 1_000);
        waits.finished("t1").run();

        assertThat(waits.expired(5_000)).isNull();
        assertThat(wait.join()).isEqualTo(Outcome.FINISHED);
    }

    @Test
    void aPollEndsTheWaitsOfTasksFoundTerminalWithoutASnapshot() {
        FinishWaits waits = new FinishWaits(10);
        CompletableFuture<Outcome> first = waits.register("t1", 9_000);
        CompletableFuture<Outcome> second = waits.register("t1", 9_000);
        CompletableFuture<Outcome> running = waits.register("t2", 9_000);
        assertThat(waits.waitedIds()).containsExactlyInAnyOrder("t1", "t2");

        assertThat(waits.polled(Map.of("t2", false, "t9", true)))
                .as("t2 runs, nobody waits for t9")
                .isNull();
        waits.polled(Map.of("t1", true, "t2", false)).run();

        assertThat(first.join()).isEqualTo(Outcome.FINISHED);
        assertThat(second.join()).isEqualTo(Outcome.FINISHED);
        assertThat(running).isNotDone();
        assertThat(waits.waitedIds()).containsExactly("t2");
        waits.expired(10_000).run();
        assertThat(running.join()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(first.join()).as("a finished wait stays finished").isEqualTo(Outcome.FINISHED);
    }

    @Test
    void aTaskNotFoundIsGoneOnlyAfterAPollSawIt() {
        FinishWaits waits = new FinishWaits(10);
        // a ?wait submission registers before its task's row is committed
        CompletableFuture<Outcome> early = waits.register("t1", 9_000);

        assertThat(waits.polled(Map.of())).as("not committed yet: not gone").isNull();
        assertThat(waits.polled(Map.of("t1", false)))
                .as("now it exists and runs")
                .isNull();
        assertThat(early).isNotDone();
        waits.polled(Map.of()).run(); // deleted on another node after it finished there

        assertThat(early.join()).isEqualTo(Outcome.FINISHED);
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.infrastructure.ids.Ids;
import dev.baton.tasks.boundary.TaskWaiter;
import dev.baton.tasks.control.FinishWaits.Outcome;
import dev.baton.tasks.control.FirstDispatches;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequest;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of the {@code ?wait} machinery's shared sweep: waits end at their deadline, and a
 * task that finished where this node saw no event (another node) is found by the once-a-second poll,
 * one query for every waited task.
 */
@ExtendWith(ArquillianExtension.class)
class TaskWaiterIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(TaskWaiterIT.class, TaskRows.class, ThreadRecordingHandler.class);
    }

    @Inject
    TaskWaiter waiter;

    @EJB
    TaskRows rows;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    FirstDispatches firstDispatches;

    @Test
    void aTaskFinishedHereCompletesItsWaitsWithTheTaskOnTheFinishingThread() {
        String id = Ids.newId();
        CompletableFuture<Outcome> wait = waiter.awaitFinish(id, Duration.ofSeconds(30));
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        CompletableFuture<Outcome> answered =
                wait.whenComplete((outcome, error) -> completedOn.set(Thread.currentThread()));

        firstDispatches.send(List.of(lifecycle.submitWithoutDispatch(
                id, new TaskRequest(ThreadRecordingHandler.NAME, JsonValue.NULL, 50, null, 1, 60, null), "it")));

        Outcome outcome = outcomeWithin(10, answered);
        assertThat(outcome.finished()).isTrue();
        assertThat(outcome.task().getString("id")).isEqualTo(id);
        assertThat(outcome.task().getString("status")).isEqualTo("SUCCEEDED");
        // no hand-over to another thread between the finishing commit and the waiter's answer
        assertThat(completedOn.get())
                .as("thread that completed the wait")
                .isNotNull()
                .isSameAs(ThreadRecordingHandler.RAN_ON.get(id));
    }

    @Test
    void manyWaitsForTasksFinishedElsewhereAllEndThroughThePoll() {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Outcome>> waits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = rows.undispatched("noop", "null"); // queued, never dispatched: it cannot end here
            ids.add(id);
            waits.add(waiter.awaitFinish(id, Duration.ofSeconds(60)));
        }
        assertThat(waits).noneMatch(CompletableFuture::isDone);

        ids.forEach(rows::finishElsewhere);

        InContainer.await().atMost(Duration.ofSeconds(10)).until(() -> waits.stream()
                .allMatch(CompletableFuture::isDone));
        assertThat(waits).allSatisfy(w -> assertThat(w.join()).isEqualTo(Outcome.FINISHED));
    }

    @Test
    void aWaitForATaskNotStoredYetOutlastsThePollsUntilTheTaskEnds() {
        // a ?wait submission registers its wait before the task's row is committed
        String id = Ids.newId();
        CompletableFuture<Outcome> wait = waiter.awaitFinish(id, Duration.ofSeconds(60));

        InContainer.await()
                .during(Duration.ofMillis(2_500)) // two polls or more
                .atMost(Duration.ofSeconds(5))
                .until(() -> !wait.isDone());
        rows.undispatched(id, "noop", "null");
        rows.finishElsewhere(id);

        assertThat(outcomeWithin(10, wait)).isEqualTo(Outcome.FINISHED);
    }

    @Test
    void theSweepStopsWhenNobodyWaitsAndStartsAgainForTheNextWait() {
        String id = rows.undispatched("noop", "null");
        CompletableFuture<Outcome> first = waiter.awaitFinish(id, Duration.ofMillis(200));
        assertThat(waiter.sweeping()).isTrue();
        assertThat(outcomeWithin(5, first)).isEqualTo(Outcome.TIMED_OUT);

        InContainer.await().atMost(Duration.ofSeconds(5)).until(() -> !waiter.sweeping());

        CompletableFuture<Outcome> second = waiter.awaitFinish(id, Duration.ofMillis(200));
        assertThat(waiter.sweeping()).isTrue();
        assertThat(outcomeWithin(5, second))
                .as("a wait after the sweep stopped still ends at its deadline")
                .isEqualTo(Outcome.TIMED_OUT);
    }

    @Test
    void aWaitEndsAtItsDeadlineWithinASweep() {
        String id = rows.undispatched("noop", "null");
        long start = System.nanoTime();

        CompletableFuture<Outcome> wait = waiter.awaitFinish(id, Duration.ofMillis(300));

        Outcome outcome = outcomeWithin(5, wait);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(outcome).isEqualTo(Outcome.TIMED_OUT);
        assertThat(millis).as("ended after its 300 ms, within a sweep or so").isBetween(300L, 1_500L);
        assertThat(rows.status(id)).isEqualTo("QUEUED");
    }

    /** The wait's outcome, awaited up to {@code seconds}. */
    private static Outcome outcomeWithin(int seconds, CompletableFuture<Outcome> wait) {
        return InContainer.await().atMost(Duration.ofSeconds(seconds)).until(() -> wait.getNow(null), o -> o != null);
    }
}

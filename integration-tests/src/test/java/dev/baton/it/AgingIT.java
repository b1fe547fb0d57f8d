package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.boundary.TaskAging;
import dev.baton.tasks.boundary.TaskService;
import dev.baton.tasks.control.TaskRequestParser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of aging: a task that waited QUEUED longer than the aging interval gains the aging
 * step in effective priority and is dispatched again at once; its older dispatch message is stale, so
 * the task still runs only once per try. The task is kept QUEUED by a slow retry backoff.
 */
@ExtendWith(ArquillianExtension.class)
class AgingIT {

    private static final Duration DELAY = Duration.ofSeconds(4);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(AgingIT.class, RetryDelays.class);
    }

    @EJB
    TaskService tasks;

    @EJB
    TaskAging aging;

    @Inject
    BatonConfig config;

    @Test
    void agingRaisesAnOldQueuedTaskAndRedispatchesItWithoutRunningItTwice() {
        try (RetryDelays slow = RetryDelays.fixedCeiling(DELAY)) {
            String id = tasks.submit(
                            TaskRequestParser.parse(
                                    "{\"handler\":\"fail\",\"params\":{\"succeedOnTry\":2},\"maxTries\":2,\"priority\":30}"),
                            "it")
                    .taskId();
            JsonObject queued = InContainer.await()
                    .until(() -> tasks.get(id), t -> "QUEUED".equals(t.getString("status")) && t.getInt("tries") == 1);
            Instant backoffEnds = Instant.parse(queued.getString("nextTime"));

            aging.ageOnce(System.currentTimeMillis());
            assertThat(tasks.get(id).getInt("effectivePriority"))
                    .as("a task queued for less than the aging interval keeps its priority")
                    .isEqualTo(30);

            // Aging only considers tasks whose backoff has passed, an interval ago.
            long later = backoffEnds.toEpochMilli() + config.agingInterval().toMillis() + 1_000;
            assertThat(aging.ageOnce(later)).isGreaterThanOrEqualTo(1);

            JsonObject done =
                    InContainer.await().until(() -> tasks.get(id), t -> "SUCCEEDED".equals(t.getString("status")));
            assertThat(done.getInt("priority")).isEqualTo(30);
            assertThat(done.getInt("effectivePriority")).isEqualTo(30 + config.agingStep());
            JsonArray attempts = done.getJsonArray("attempts");
            assertThat(attempts).hasSize(2);
            assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("SUCCEEDED");
            assertThat(Instant.parse(attempts.getJsonObject(1).getString("start")))
                    .as("the aged dispatch runs at once, before the backoff's own dispatch is due")
                    .isBefore(backoffEnds);

            // The backoff's dispatch message still arrives at nextTime: it is stale and must not run the
            // task again.
            Duration untilStaleMessageIsPast = Duration.ofMillis(Math.max(
                    100,
                    Duration.between(Instant.now(), backoffEnds.plusSeconds(2)).toMillis()));
            InContainer.await()
                    .during(untilStaleMessageIsPast)
                    .atMost(untilStaleMessageIsPast.plusSeconds(5))
                    .until(() -> tasks.get(id).getJsonArray("attempts").size() == 2
                            && "SUCCEEDED".equals(tasks.get(id).getString("status")));
        }
    }
}

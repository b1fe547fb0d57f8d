package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.tasks.boundary.TaskService;
import dev.baton.tasks.control.TaskRequestParser;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: with a retry delay long enough to observe, a failed task waits QUEUED with its planned
 * {@code nextTime} and last error visible, and the next try does not start before that time.
 */
@ExtendWith(ArquillianExtension.class)
class RetryBackoffIT {

    private static final Duration DELAY = Duration.ofSeconds(4);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(RetryBackoffIT.class, RetryDelays.class);
    }

    @EJB
    TaskService tasks;

    @Test
    void aRetryWaitsQueuedUntilItsNextTime() {
        try (RetryDelays slow = RetryDelays.fixedCeiling(DELAY)) {
            String id = tasks.submit(TaskRequestParser.parse("{\"handler\":\"fail\",\"maxTries\":2}"), "it")
                    .taskId();

            JsonObject queued = InContainer.await()
                    .until(() -> tasks.get(id), t -> "QUEUED".equals(t.getString("status")) && t.getInt("tries") == 1);

            assertThat(queued.getString("error")).isEqualTo("failed on purpose (try 1)");
            assertThat(queued.getJsonArray("attempts")).hasSize(1);
            Instant failedAt = Instant.parse(
                    queued.getJsonArray("attempts").getJsonObject(0).getString("end"));
            Instant nextTime = Instant.parse(queued.getString("nextTime"));
            assertThat(Duration.between(failedAt, nextTime)).isBetween(DELAY.dividedBy(2), DELAY);

            JsonObject done =
                    InContainer.await().until(() -> tasks.get(id), t -> "ERROR".equals(t.getString("status")));

            assertThat(done.getJsonArray("attempts")).hasSize(2);
            Instant secondTry =
                    Instant.parse(done.getJsonArray("attempts").getJsonObject(1).getString("start"));
            assertThat(secondTry).isAfterOrEqualTo(nextTime);
            assertThat(done.isNull("nextTime")).isTrue();
        }
    }
}

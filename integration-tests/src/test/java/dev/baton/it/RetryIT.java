package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Black-box tests of retries: a failing task is tried exactly maxTries times with backoff between tries,
 * then ends in ERROR; a task that succeeds on a later try ends SUCCEEDED. The test server retries fast
 * (base 50 ms, max 400 ms).
 */
@ExtendWith(ArquillianExtension.class)
class RetryIT {

    /** The test server's {@code baton.retry.baseMillis}: the first retry waits at least half of it. */
    private static final long BASE_MILLIS = 50;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final TaskClient tasks = TaskClient.admin();

    @Test
    void aTaskThatAlwaysFailsEndsInErrorAfterExactlyMaxTriesAttempts() {
        String id = tasks.submit("{\"handler\":\"fail\",\"params\":{\"message\":\"boom\"},\"maxTries\":3}");

        JsonObject task = tasks.awaitStatus(id, "ERROR", Duration.ofSeconds(30));

        assertThat(task.getInt("tries")).isEqualTo(3);
        assertThat(task.getInt("maxTries")).isEqualTo(3);
        assertThat(task.getString("error")).isEqualTo("boom (try 3)");
        assertThat(task.isNull("nextTime"))
                .as("no retry is planned after the last try")
                .isTrue();
        assertThat(task.getString("endTime")).isNotBlank();
        JsonArray attempts = task.getJsonArray("attempts");
        assertThat(attempts).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonObject attempt = attempts.getJsonObject(i);
            assertThat(attempt.getInt("number")).isEqualTo(i + 1);
            assertThat(attempt.getString("outcome")).isEqualTo("FAILED");
            assertThat(attempt.getString("error")).isEqualTo("boom (try " + (i + 1) + ")");
            assertThat(attempt.getString("node")).isNotBlank();
            assertThat(attempt.getString("start")).isNotBlank();
            assertThat(attempt.getString("end")).isNotBlank();
        }
        // Exponential backoff with equal jitter: try n+1 waits at least half of base × 2^(n-1).
        assertThat(gapMillis(attempts, 0)).isGreaterThanOrEqualTo(BASE_MILLIS / 2);
        assertThat(gapMillis(attempts, 1)).isGreaterThanOrEqualTo(BASE_MILLIS);
    }

    @Test
    void aTaskThatSucceedsOnTheSecondTryEndsSucceeded() {
        String id = tasks.submit("{\"handler\":\"fail\",\"params\":{\"succeedOnTry\":2},\"maxTries\":3}");

        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));

        assertThat(task.getInt("tries")).isEqualTo(2);
        assertThat(task.getJsonObject("result").getInt("try")).isEqualTo(2);
        assertThat(task.isNull("error"))
                .as("a success clears the last try's error")
                .isTrue();
        JsonArray attempts = task.getJsonArray("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("FAILED");
        assertThat(attempts.getJsonObject(0).getString("error")).isEqualTo("failed on purpose (try 1)");
        assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(attempts.getJsonObject(1).isNull("error")).isTrue();
    }

    @Test
    void aSingleTryTaskIsNotRetried() {
        String id = tasks.submit("{\"handler\":\"fail\",\"params\":{\"succeedOnTry\":2},\"maxTries\":1}");

        JsonObject task = tasks.awaitStatus(id, "ERROR", Duration.ofSeconds(30));

        assertThat(task.getInt("tries")).isEqualTo(1);
        assertThat(task.getJsonArray("attempts")).hasSize(1);
        assertThat(task.getString("error")).isEqualTo("failed on purpose (try 1)");
    }

    /** Milliseconds from the end of attempt {@code i} to the start of attempt {@code i + 1}. */
    private static long gapMillis(JsonArray attempts, int i) {
        Instant end = Instant.parse(attempts.getJsonObject(i).getString("end"));
        Instant nextStart = Instant.parse(attempts.getJsonObject(i + 1).getString("start"));
        return Duration.between(end, nextStart).toMillis();
    }
}

package dev.baton.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class ClientTest {

    public record Sum(int a, int b) {}

    private FakeBaton baton;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        baton = new FakeBaton("submitter", "submitter");
        client = Client.builder()
                .url(baton.url() + "/")
                .credentials("submitter", "submitter")
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        baton.close();
    }

    @Test
    void playAnswersTheResultTypedOrAsJson() {
        assertThat(client.play("add", new Sum(1, 2), Integer.class)).isEqualTo(3);
        assertThat(client.play("add", Map.of("a", 40, "b", 2))).isEqualTo(Json.createValue(42));
        assertThat(client.play("echo", new Sum(5, 6), Sum.class)).isEqualTo(new Sum(5, 6));
        assertThat(baton.requests("POST", "/api/tasks").get(0).query()).containsEntry("wait", "60");
        assertThat(baton.submissions.get(0).toString()).isEqualTo("{\"handler\":\"add\",\"params\":{\"a\":1,\"b\":2}}");
    }

    @Test
    void playKeepsWaitingForATaskThatOutlivesTheSubmission() throws Exception {
        CompletableFuture<Integer> play =
                CompletableFuture.supplyAsync(() -> client.play("later", null, Integer.class));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !baton.tasks.isEmpty());
        String id = baton.tasks.keySet().iterator().next();
        baton.finish(id, "SUCCEEDED", Json.createValue(7), null);

        assertThat(play.get(10, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(baton.submissions.get(0).containsKey("params")).isFalse();
    }

    @Test
    void queueSendsTheOptionsAndResultAwaitsTheTask() {
        TaskHandle handle = client.queue(
                "later",
                Map.of("x", 1),
                TaskOptions.defaults()
                        .priority(80)
                        .name("nightly")
                        .maxTries(3)
                        .timeoutSeconds(60)
                        .idempotencyKey("order-42"));

        assertThat(handle.id()).startsWith("task-");
        assertThat(handle.submittedStatus()).isEqualTo("QUEUED");
        assertThat(baton.submissions.get(0).toString())
                .isEqualTo("{\"handler\":\"later\",\"params\":{\"x\":1},\"priority\":80,\"name\":\"nightly\","
                        + "\"maxTries\":3,\"timeoutSeconds\":60,\"idempotencyKey\":\"order-42\"}");
        assertThat(baton.requests("POST", "/api/tasks").get(0).query()).doesNotContainKey("wait");

        // the same key answers the original task
        TaskHandle again =
                client.queue("later", Map.of("x", 1), TaskOptions.defaults().idempotencyKey("order-42"));
        assertThat(again.id()).isEqualTo(handle.id());

        assertThatThrownBy(() -> client.result(handle, Duration.ofSeconds(1), JsonValue.class))
                .isInstanceOfSatisfying(
                        WaitTimeoutException.class, e -> assertThat(e.taskId()).isEqualTo(handle.id()));

        baton.finish(
                handle.id(),
                "SUCCEEDED",
                Json.createObjectBuilder().add("a", 2).add("b", 3).build(),
                null);
        assertThat(client.result(handle, Duration.ofSeconds(5), Sum.class)).isEqualTo(new Sum(2, 3));
        assertThat(client.result(TaskHandle.of(handle.id())))
                .isEqualTo(Json.createObjectBuilder().add("a", 2).add("b", 3).build());
        assertThat(client.task(handle).getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void failedAndCancelledTasksThrowTaskFailed() {
        assertThatThrownBy(() -> client.play("boom", null)).isInstanceOfSatisfying(TaskFailedException.class, e -> {
            assertThat(e.status()).isEqualTo("ERROR");
            assertThat(e.error()).isEqualTo("boom");
            assertThat(e.taskId()).startsWith("task-");
            assertThat(e.task().getString("handler")).isEqualTo("boom");
        });

        TaskHandle handle = client.queue("later", null);
        JsonObject cancelled = client.cancel(handle);
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> client.result(handle, Integer.class))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("CANCELLED");
                    assertThat(e.error()).isEqualTo("cancelled by baton");
                });
        // cancelling a finished task is Baton's 409
        assertThatThrownBy(() -> client.cancel(handle)).isInstanceOfSatisfying(BatonProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.typeName()).isEqualTo("conflict");
            assertThat(e.detail()).contains("CANCELLED");
        });
    }

    @Test
    void httpErrorsBecomeProblems() {
        assertThatThrownBy(() -> client.play("unknown", null))
                .isInstanceOfSatisfying(BatonProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("https://baton.dev/problems/unknown-handler");
                    assertThat(e.typeName()).isEqualTo("unknown-handler");
                    assertThat(e.title()).isEqualTo("Unknown handler");
                    assertThat(e.detail()).isEqualTo("handler 'unknown' is not registered");
                    assertThat(e.problem().getJsonArray("knownHandlers")).hasSize(2);
                });
        assertThatThrownBy(() -> client.task(TaskHandle.of("nope")))
                .isInstanceOfSatisfying(
                        BatonProblemException.class, e -> assertThat(e.status()).isEqualTo(404));

        try (Client wrong = Client.builder()
                .url(baton.url())
                .credentials("submitter", "wrong")
                .build()) {
            assertThatThrownBy(() -> wrong.queue("add", null))
                    .isInstanceOfSatisfying(BatonProblemException.class, e -> assertThat(e.status())
                            .isEqualTo(401));
        }
        assertThat(BatonProblemException.of(502, "<html>bad gateway</html>").detail())
                .isEqualTo("<html>bad gateway</html>");
    }

    @Test
    void aSubmissionRefusedWithServiceUnavailableIsRetried() {
        baton.unavailable.put("POST /api/tasks", new AtomicInteger(2));
        assertThat(client.play("add", new Sum(2, 2), Integer.class)).isEqualTo(4);
        assertThat(baton.requests("POST", "/api/tasks")).hasSize(3);
        assertThat(baton.submissions).hasSize(1);
    }

    @Test
    void anUnreachableServerIsABatonException() {
        int port = Integer.parseInt(baton.url().substring(baton.url().lastIndexOf(':') + 1));
        baton.close();
        try (Client gone = Client.builder()
                .url("http://127.0.0.1:" + port)
                .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10))
                .build()) {
            assertThatThrownBy(() -> gone.queue("add", null))
                    .isInstanceOf(BatonException.class)
                    .hasMessageContaining("POST http://127.0.0.1:" + port + "/api/tasks failed");
        }
    }

    @Test
    void builderNeedsAUrlOrJms() {
        assertThatThrownBy(() -> Client.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TaskHandle.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}

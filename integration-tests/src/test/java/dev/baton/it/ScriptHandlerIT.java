package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Black-box tests of workspace scripts (the test workspace adds fail.sh, env.sh, hang.sh, not-json.sh and a
 * non-executable script to the examples): results, failures with stderr and exit code, the environment
 * contract, timeouts and cancels that kill the whole process tree (the server runs on this machine, so
 * its processes are visible here), and names refused at submit.
 */
@ExtendWith(ArquillianExtension.class)
class ScriptHandlerIT {

    private static final Duration MAX = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final TaskClient tasks = TaskClient.admin();

    @Test
    void addJsReturnsTheSum() {
        String id = tasks.submit("{\"handler\":\"add.js\",\"params\":{\"a\":1,\"b\":2}}");

        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED", MAX);

        assertThat(task.getInt("result")).isEqualTo(3);
    }

    @Test
    void aFailingScriptReportsItsExitCodeAndStderrAndIsRetriedToError() {
        String id = tasks.submit("{\"handler\":\"fail.sh\",\"maxTries\":2}");

        JsonObject task = tasks.awaitStatus(id, "ERROR", MAX);

        assertThat(task.getInt("tries")).isEqualTo(2);
        JsonArray attempts = task.getJsonArray("attempts");
        assertThat(attempts).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonObject attempt = attempts.getJsonObject(i);
            assertThat(attempt.getString("outcome")).isEqualTo("FAILED");
            assertThat(attempt.getString("error"))
                    .contains("exit code 3")
                    .contains("something went wrong in fail.sh (try " + (i + 1) + ")");
        }
        assertThat(task.getString("error")).contains("exit code 3").contains("(try 2)");
    }

    @Test
    void aScriptPrintingSomethingOtherThanJsonFails() {
        String id = tasks.submit("{\"handler\":\"not-json.sh\",\"maxTries\":1}");

        JsonObject task = tasks.awaitStatus(id, "ERROR", MAX);

        assertThat(task.getString("error"))
                .startsWith("stdout is not a JSON value")
                .contains("this is not json");
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("FAILED");
    }

    @Test
    void aScriptGetsItsTaskInTheEnvironmentAndParamsOnStdinAndRunsInTheWorkspace() throws IOException {
        String id = tasks.submit("{\"handler\":\"env.sh\",\"priority\":42,\"params\":{\"x\":[1,2],\"s\":\"hello\"}}");

        JsonObject result = tasks.awaitStatus(id, "SUCCEEDED", MAX).getJsonObject("result");

        assertThat(result.getString("taskId")).isEqualTo(id);
        assertThat(result.getInt("try")).isEqualTo(1);
        assertThat(result.getString("phase")).isEqualTo("run");
        assertThat(result.getInt("priority")).isEqualTo(42);
        assertThat(Path.of(result.getString("cwd")).toRealPath()).isEqualTo(TestWorkspace.root());
        JsonObject input = result.getJsonObject("input");
        assertThat(input.getJsonArray("x").getInt(1)).isEqualTo(2);
        assertThat(input.getString("s")).isEqualTo("hello");
    }

    @Test
    void aScriptThatOverrunsItsTimeoutIsKilledWithItsWholeProcessTree() {
        String marker = "baton-it-" + UUID.randomUUID();
        String id = tasks.submit("{\"handler\":\"hang.sh\",\"params\":{\"marker\":\"" + marker
                + "\"},\"timeoutSeconds\":2,\"maxTries\":1}");
        awaitProcessWith(marker);

        JsonObject task = tasks.awaitStatus(id, "ERROR", MAX);

        JsonObject attempt = task.getJsonArray("attempts").getJsonObject(0);
        assertThat(attempt.getString("outcome")).isEqualTo("TIMED_OUT");
        assertThat(attempt.getString("error")).contains("timed out after 2 s");
        awaitNoProcessWith(marker);
    }

    @Test
    void cancellingARunningScriptKillsItsWholeProcessTree() {
        String marker = "baton-it-" + UUID.randomUUID();
        String id = tasks.submit(
                "{\"handler\":\"hang.sh\",\"params\":{\"marker\":\"" + marker + "\"},\"timeoutSeconds\":300}");
        try {
            cancelWhileRunning(id, marker);
        } finally {
            tasks.cancelIfUnfinished(id);
        }
    }

    private void cancelWhileRunning(String id, String marker) {
        awaitProcessWith(marker);
        tasks.awaitStatus(id, "RUNNING", MAX);

        Api.Reply cancel = tasks.api().post("/api/tasks/" + id + "/cancel", "");

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().getString("status")).isEqualTo("CANCELLED");
        awaitNoProcessWith(marker);
        JsonObject task = tasks.get(id);
        assertThat(task.getString("status")).isEqualTo("CANCELLED");
        assertThat(task.getJsonArray("attempts")).hasSize(1);
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("CANCELLED");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-executable.sh",
                "../workspace/add.js",
                "./add.js",
                "/bin/sh",
                "..",
                ".hidden",
                "a/../add.js",
                "no-such-script.sh"
            })
    void aNameThatIsNotAnExecutableWorkspaceScriptIsRefusedAtSubmit(String handler) {
        Api.Reply reply = tasks.api().post("/api/tasks", "{\"handler\":\"" + handler + "\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("type")).endsWith("/unknown-handler");
        assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("/handler");
    }

    private static void awaitProcessWith(String marker) {
        Awaitility.await("a process with " + marker)
                .atMost(MAX)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !Processes.withCommandLineContaining(marker).isEmpty());
    }

    private static void awaitNoProcessWith(String marker) {
        Awaitility.await("no process with " + marker)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Processes.withCommandLineContaining(marker).isEmpty());
    }
}

package dev.baton.handlers.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.handlers.spi.Contexts;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.handlers.spi.TaskContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {

    @TempDir
    Path workspace;

    /** Unique per test: appears in the command line of every process a hanging script starts. */
    private final String marker = "600." + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);

    @AfterEach
    void killLeftovers() {
        markedProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void jsonOnStdoutIsTheResult() throws IOException {
        Path script = script("ok.sh", "echo '{\"sum\": 3}'");

        HandlerOutcome outcome = run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT));

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.success(
                        Json.createObjectBuilder().add("sum", 3).build()));
    }

    @Test
    void emptyStdoutIsANullResult() throws IOException {
        Path script = script("quiet.sh", "echo 'only a log line' >&2");

        assertThat(run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isEqualTo(HandlerOutcome.success(JsonValue.NULL));
    }

    @Test
    void stdoutThatIsNotJsonIsAFailure() throws IOException {
        Path script = script("chatty.sh", "echo 'starting work'\necho '{\"sum\": 3}'");

        assertThat(run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> assertThat(f.error())
                        .contains("stdout is not a JSON value", "starting work"));
    }

    @Test
    void aNonZeroExitIsAFailureWithTheExitCodeAndStderr() throws IOException {
        Path script =
                script("fail.sh", "echo '{\"ignored\": true}'\necho 'first line' >&2\necho 'it broke' >&2\nexit 3");

        HandlerOutcome outcome = run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT));

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            assertThat(f.error()).startsWith("exit code 3;").contains("first line", "it broke");
            assertThat(f.timedOut()).isFalse();
        });
    }

    @Test
    void aLongStderrIsCutToItsTail() throws IOException {
        Path script = script(
                "noisy.sh",
                "i=0\nwhile [ $i -lt 500 ]; do echo \"noise line $i\" >&2; i=$((i+1)); done\necho 'the real reason' >&2\nexit 1");

        HandlerOutcome outcome = run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT));

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            assertThat(f.error()).startsWith("exit code 1; stderr: ...").endsWith("the real reason");
            assertThat(f.error()).doesNotContain("noise line 0\n").contains("noise line 499");
            assertThat(f.error().length()).isLessThan(ScriptRunner.STDERR_TAIL_BYTES + 100);
        });
    }

    @Test
    void anEmptyStderrIsSaidSo() throws IOException {
        Path script = script("silent-fail.sh", "exit 2");

        assertThat(run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isEqualTo(HandlerOutcome.failure("exit code 2; stderr: (empty)"));
    }

    @Test
    void stdoutLargerThanTheLimitIsAFailure() throws IOException {
        Path script = script("big.sh", "echo '\"" + "x".repeat(100) + "\"'");

        HandlerOutcome outcome =
                new ScriptRunner(workspace, 50).run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT), p -> {});

        assertThat(outcome).isEqualTo(HandlerOutcome.failure("stdout is larger than 50 bytes"));
    }

    @Test
    void aScriptThatCannotStartIsAFailure() throws IOException {
        Path script = workspace.resolve("not-executable.sh");
        Files.writeString(script, "#!/bin/sh\necho 1\n");

        assertThat(run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> assertThat(f.error())
                        .startsWith("could not run not-executable.sh"));
    }

    @Test
    void theScriptGetsParamsOnStdinAndTheTaskInItsEnvironment() throws IOException {
        Path script = script(
                "env.sh",
                "input=$(cat)\n"
                        + "printf '{\"id\":\"%s\",\"name\":\"%s\",\"try\":\"%s\",\"phase\":\"%s\",\"priority\":\"%s\","
                        + "\"workspace\":\"%s\",\"cwd\":\"%s\",\"stdin\":%s}' \"$BATON_TASK_ID\" \"$BATON_TASK_NAME\""
                        + " \"$BATON_TRY\" \"$BATON_PHASE\" \"$BATON_PRIORITY\" \"$BATON_WORKSPACE\" \"$(pwd -P)\""
                        + " \"$input\"");
        JsonObject params = Json.createObjectBuilder()
                .add("a", 1)
                .add("text", "ünïcode \"quoted\"")
                .build();
        TaskContext context =
                new TaskContext("task-42", "nightly", params, 3, 77, Duration.ofSeconds(30), Phase.RUN, null);

        Path realWorkspace = workspace.toRealPath();

        HandlerOutcome outcome = run(script, context);

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Success.class, s -> {
            JsonObject seen = s.result().asJsonObject();
            assertThat(seen.getString("id")).isEqualTo("task-42");
            assertThat(seen.getString("name")).isEqualTo("nightly");
            assertThat(seen.getString("try")).isEqualTo("3");
            assertThat(seen.getString("phase")).isEqualTo("run");
            assertThat(seen.getString("priority")).isEqualTo("77");
            assertThat(seen.getString("workspace")).isEqualTo(workspace.toString());
            assertThat(Path.of(seen.getString("cwd"))).isEqualTo(realWorkspace);
            assertThat(seen.get("stdin")).isEqualTo(params);
        });
    }

    @Test
    void theRunnersEnvironmentReachesTheScriptButNeverReplacesTheTasksOwnVariables() throws IOException {
        Path script = script(
                "api.sh",
                "printf '{\"url\":\"%s\",\"user\":\"%s\",\"id\":\"%s\"}' \"$BATON_API_URL\" \"$BATON_API_USER\""
                        + " \"$BATON_TASK_ID\"");
        ScriptRunner runner = new ScriptRunner(
                workspace,
                1_000,
                Map.of("BATON_API_URL", "http://127.0.0.1:8080/api", "BATON_API_USER", "worker", "BATON_TASK_ID", "x"));

        HandlerOutcome outcome = runner.run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT), p -> {});

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Success.class, s -> {
            JsonObject seen = s.result().asJsonObject();
            assertThat(seen.getString("url")).isEqualTo("http://127.0.0.1:8080/api");
            assertThat(seen.getString("user")).isEqualTo("worker");
            assertThat(seen.getString("id")).isNotEqualTo("x");
        });
    }

    @Test
    void missingParamsArriveAsAnEmptyObject() throws IOException {
        Path script = script("stdin.sh", "cat");

        assertThat(run(script, Contexts.run(null))).isEqualTo(HandlerOutcome.success(JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void theMergePhaseGetsParamsAndChildrenOnStdin() throws IOException {
        Path script = script(
                "merge.sh", "input=$(cat)\nprintf '{\"phase\":\"%s\",\"stdin\":%s}' \"$BATON_PHASE\" \"$input\"");
        JsonObject params = Json.createObjectBuilder().add("text", "a b").build();
        TaskContext context = Contexts.merge(
                params, Contexts.child(0, "SUCCEEDED", Contexts.value(2)), Contexts.child(1, "ERROR", null));

        HandlerOutcome outcome = run(script, context);

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Success.class, s -> {
            JsonObject seen = s.result().asJsonObject();
            assertThat(seen.getString("phase")).isEqualTo("merge");
            assertThat(seen.getJsonObject("stdin"))
                    .isEqualTo(Json.createObjectBuilder()
                            .add("params", params)
                            .add("children", context.children())
                            .build());
        });
    }

    @Test
    void aSplitOnStdoutAsksForChildren() throws IOException {
        Path script = script(
                "split.sh",
                "echo '{\"$split\": [{\"handler\": \"count.sh\", \"params\": {\"line\": \"a\"}}, {\"handler\": \"count.sh\"}]}'");

        assertThat(run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isInstanceOfSatisfying(HandlerOutcome.Split.class, s -> assertThat(s.children())
                        .extracting(c -> c.handler() + " " + c.params())
                        .containsExactly("count.sh {\"line\":\"a\"}", "count.sh {}"));
    }

    @Test
    void aMalformedSplitIsAFailure() throws IOException {
        Path script = script("bad-split.sh", "echo '{\"$split\": [{\"params\": {}}]}'");

        assertThat(run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isEqualTo(HandlerOutcome.failure("$split[0].handler must be a string"));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        Path script = script(
                "hang-" + marker + ".sh",
                "echo 'hanging' >&2\nsleep " + marker + " &\necho $! > \"$BATON_WORKSPACE/child.pid\"\nsleep "
                        + marker);
        AtomicReference<Process> started = new AtomicReference<>();
        TaskContext context = Contexts.withTimeout(Contexts.run(JsonValue.EMPTY_JSON_OBJECT), Duration.ofSeconds(3));

        CompletableFuture<HandlerOutcome> outcome = CompletableFuture.supplyAsync(
                () -> new ScriptRunner(workspace, 1_000_000).run(script, context, started::set));

        // the script, its background sleep and its foreground sleep all run before the deadline
        await().atMost(Duration.ofSeconds(3)).until(() -> markedProcesses().size() >= 3);
        assertThat(outcome).isNotDone();
        await().atMost(Duration.ofSeconds(15)).until(outcome::isDone);
        assertThat(outcome.get()).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            assertThat(f.timedOut()).isTrue();
            assertThat(f.error())
                    .startsWith("timed out after 3 s; process tree killed;")
                    .contains("hanging");
        });
        long childPid =
                Long.parseLong(Files.readString(workspace.resolve("child.pid")).strip());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(markedProcesses()).isEmpty();
            assertThat(started.get().isAlive()).isFalse();
            assertThat(ProcessHandle.of(childPid).filter(ScriptRunnerTest::runs))
                    .isEmpty();
        });
    }

    @Test
    void aTimeoutAlsoKillsProcessesThatDetachedFromTheScript() throws Exception {
        // "( cmd & )" re-parents cmd to init: it is no descendant of the script any more, only a member
        // of the script's process group.
        Path script = script("detach-" + marker + ".sh", "( sleep " + marker + " & )\nsleep " + marker);
        TaskContext context = Contexts.withTimeout(Contexts.run(JsonValue.EMPTY_JSON_OBJECT), Duration.ofSeconds(2));

        CompletableFuture<HandlerOutcome> outcome = CompletableFuture.supplyAsync(
                () -> new ScriptRunner(workspace, 1_000_000).run(script, context, process -> {}));

        await().atMost(Duration.ofSeconds(3)).until(() -> markedProcesses().size() >= 3);
        await().atMost(Duration.ofSeconds(15)).until(outcome::isDone);
        assertThat(outcome.get()).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> assertThat(f.timedOut())
                .isTrue());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(markedProcesses().stream().filter(ScriptRunnerTest::runs))
                        .isEmpty());
    }

    @Test
    void aProcessThatStartedIsHandedToTheCaller() throws IOException {
        Path script = script("pid.sh", "echo $$");
        AtomicReference<Process> started = new AtomicReference<>();

        HandlerOutcome outcome =
                new ScriptRunner(workspace, 1_000).run(script, Contexts.run(JsonValue.EMPTY_JSON_OBJECT), started::set);

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.success(Json.createValue(started.get().pid())));
    }

    private HandlerOutcome run(Path script, TaskContext context) {
        return new ScriptRunner(workspace, 1_000_000).run(script, context, process -> {});
    }

    private Path script(String name, String body) throws IOException {
        return TestScripts.write(workspace.resolve(name), body);
    }

    private List<ProcessHandle> markedProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    /** Alive and not a zombie (a killed orphan may linger as a zombie until someone reaps it). */
    private static boolean runs(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}

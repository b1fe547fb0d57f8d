package dev.baton.handlers.scripts;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.handlers.spi.TaskContext;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one attempt of a workspace script.
 *
 * <ul>
 *   <li>stdin: the params as JSON (in the merge phase {@code {"params": ..., "children": [...]}});
 *   <li>environment: {@code BATON_TASK_ID}, {@code BATON_TASK_NAME}, {@code BATON_TRY},
 *       {@code BATON_PHASE} (run|merge), {@code BATON_PRIORITY}, {@code BATON_WORKSPACE}, and what the
 *       runner was given: {@code BATON_API_URL}, {@code BATON_API_USER}, {@code BATON_API_PASSWORD} so the
 *       script can call Baton's API (e.g. the shared storage);
 *   <li>working directory: the workspace;
 *   <li>stdout: the result as JSON ({@link ScriptOutput}); exit 0 means success;
 *   <li>non-zero exit, timeout or cancel: a failure whose error ends with stderr's tail; the whole
 *       process tree is killed on timeout or cancel.
 * </ul>
 *
 * Output goes to files in a private temporary folder, so a chatty script can never block on a full pipe.
 */
public final class ScriptRunner {

    static final int STDERR_TAIL_BYTES = 2000;

    private final Path workspaceRoot;
    private final long maxOutputBytes;
    private final Map<String, String> environment;

    public ScriptRunner(Path workspaceRoot, long maxOutputBytes) {
        this(workspaceRoot, maxOutputBytes, Map.of());
    }

    /**
     * @param environment further variables every script gets (the API's URL and credentials, {@code
     *     BatonConfig#scriptApiEnvironment}); the task's own {@code BATON_*} variables win a clash
     */
    public ScriptRunner(Path workspaceRoot, long maxOutputBytes, Map<String, String> environment) {
        this.workspaceRoot = workspaceRoot;
        this.maxOutputBytes = maxOutputBytes;
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param started called with the process once it runs, so a cancel can {@link ProcessTrees#kill} it
     */
    public HandlerOutcome run(Path script, TaskContext context, Consumer<Process> started) {
        Path dir = null;
        if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
            // checked here because setsid, not Java, would be the one failing to start it
            return HandlerOutcome.failure(
                    "could not run " + workspaceRoot.relativize(script) + ": not an executable file");
        }
        try {
            dir = Files.createTempDirectory("baton-task-");
            Path stdin = dir.resolve("stdin.json");
            Path stdout = dir.resolve("stdout");
            Path stderr = dir.resolve("stderr");
            writeInput(stdin, context);
            ProcessBuilder builder = new ProcessBuilder(ProcessTrees.command(script.toString()))
                    .directory(workspaceRoot.toFile())
                    .redirectInput(stdin.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(environment);
            env.put("BATON_TASK_ID", context.taskId());
            env.put("BATON_TASK_NAME", context.name() == null ? "" : context.name());
            env.put("BATON_TRY", Integer.toString(context.tryNumber()));
            env.put("BATON_PHASE", context.phase().name().toLowerCase());
            env.put("BATON_PRIORITY", Integer.toString(context.priority()));
            env.put("BATON_WORKSPACE", workspaceRoot.toString());
            Process process = builder.start();
            started.accept(process);
            boolean exited;
            try {
                exited = process.waitFor(context.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                ProcessTrees.kill(process);
                Thread.currentThread().interrupt();
                return HandlerOutcome.failure("cancelled while running; " + stderrTail(stderr));
            }
            if (!exited) {
                ProcessTrees.kill(process);
                process.waitFor(5, TimeUnit.SECONDS);
                return HandlerOutcome.timeout("timed out after "
                        + context.timeout().toSeconds() + " s; process tree killed; " + stderrTail(stderr));
            }
            int exit = process.exitValue();
            if (exit != 0) {
                return HandlerOutcome.failure("exit code " + exit + "; " + stderrTail(stderr));
            }
            if (Files.size(stdout) > maxOutputBytes) {
                return HandlerOutcome.failure("stdout is larger than " + maxOutputBytes + " bytes");
            }
            return ScriptOutput.parse(Files.readString(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return HandlerOutcome.failure("could not run " + workspaceRoot.relativize(script) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HandlerOutcome.failure("interrupted");
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void writeInput(Path stdin, TaskContext context) throws IOException {
        JsonValue input = context.params() == null ? JsonValue.EMPTY_JSON_OBJECT : context.params();
        if (context.phase() == Phase.MERGE) {
            JsonObjectBuilder merge = Json.createObjectBuilder().add("params", input);
            merge.add("children", context.children() == null ? JsonValue.EMPTY_JSON_ARRAY : context.children());
            input = merge.build();
        }
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(stdin), StandardCharsets.UTF_8);
                JsonWriter json = Json.createWriter(out)) {
            json.write(input);
        }
    }

    private static String stderrTail(Path stderr) {
        String tail = Files.exists(stderr) ? Tails.tail(stderr, STDERR_TAIL_BYTES) : "";
        return tail.isEmpty() ? "stderr: (empty)" : "stderr: " + tail;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}

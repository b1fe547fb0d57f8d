package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remote workers in processes of their own (a Java SDK worker JVM, the example Python worker) that
 * tests start, kill with SIGKILL or stop with SIGTERM; and the server's view of a worker by name.
 */
public final class WorkerProcesses {

    private WorkerProcesses() {}

    /** A started worker process and the file its output goes to. */
    public record Started(Process process, Path log) implements AutoCloseable {

        public String output() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** kill -9: the worker gets no chance to deregister or report. */
        public void kill9() {
            process.destroyForcibly();
            waitFor();
        }

        /** SIGTERM: a graceful shutdown; answers the exit code. */
        public int terminate() {
            process.destroy();
            return waitFor();
        }

        public int waitFor() {
            try {
                assertThat(process.waitFor(60, TimeUnit.SECONDS))
                        .as("worker process ended; output:\n" + output())
                        .isTrue();
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Cleanup: SIGTERM, so the worker deregisters at once (a killed one would only turn DEAD after the
         * lease, while later tests run); SIGKILL if it is still there after 20 s.
         */
        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** {@link SdkWorkerMain} in a new JVM on this test's class path. */
    public static Started javaWorker(String name, String handler, int threads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return start(
                name,
                List.of(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SdkWorkerMain.class.getName(),
                        Api.BASE,
                        name,
                        handler,
                        Integer.toString(threads)));
    }

    /** examples/workers/python/worker.py with handlers {@code prefix + upper|slow|fail}. */
    public static Started pythonWorker(String name, String prefix, int threads) {
        List<String> command = new ArrayList<>(List.of(
                "python3",
                "-u",
                System.getProperty("baton.it.python.worker"),
                "--url",
                Api.BASE,
                "--name",
                name,
                "--prefix",
                prefix,
                "--threads",
                Integer.toString(threads),
                "--poll-wait",
                "2"));
        return start(name, command);
    }

    private static Started start(String name, List<String> command) {
        try {
            Path log = Files.createDirectories(Path.of("target", "worker-processes"))
                    .resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Started(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's view of the worker registered as {@code name} (the latest such registration). */
    public static Optional<JsonObject> byName(String name) {
        Api.Reply reply = Api.admin().get(RemoteWorkers.BASE);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("workers").stream()
                .map(JsonValue::asJsonObject)
                .filter(worker -> worker.getString("name").equals(name))
                .reduce((first, second) -> second);
    }

    /** The status of the worker registered as {@code name}, or "none". */
    public static String status(String name) {
        return byName(name).map(worker -> worker.getString("status")).orElse("none");
    }
}

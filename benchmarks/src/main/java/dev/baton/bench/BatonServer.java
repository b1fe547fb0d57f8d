package dev.baton.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The benchmark's own Baton server: a copy of the configured server's {@code standalone/configuration}
 * in a fresh base directory (so a fresh H2 database; a PostgreSQL database is dropped and created
 * again, see {@link BenchDatabase}), started with a port offset, the EAR deployed by
 * the deployment scanner (marker files), and stopped again on {@link #close()} or JVM exit.
 */
final class BatonServer implements AutoCloseable {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final BenchConfig config;
    private final List<String> javaOptions = new ArrayList<>();
    private Process process;
    private Thread shutdownHook;

    BatonServer(BenchConfig config) {
        this.config = config;
    }

    /**
     * Starts WildFly and waits for the deployment and for /api/health. The first start prepares a fresh
     * base directory; a start after {@link #stop()} keeps it (and so the database).
     */
    synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("the server is running");
        }
        if (javaOptions.isEmpty()) {
            prepare();
        } else {
            Path deployments = config.serverBase().resolve("deployments");
            try (Stream<Path> markers = Files.list(deployments)) {
                for (Path marker : (Iterable<Path>) markers::iterator) {
                    if (!marker.getFileName().toString().equals("baton.ear")) {
                        Files.delete(marker);
                    }
                }
            }
        }
        launch();
    }

    /** The H2 database of the server, without the {@code .mv.db} suffix. */
    Path database() {
        return config.serverBase().resolve("data/baton/baton");
    }

    private void prepare() throws IOException {
        requireFree(config.httpPort());
        requireFree(config.managementPort());
        Path jbossHome = config.jbossHome();
        if (!Files.isRegularFile(jbossHome.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(
                    "no configured WildFly at " + jbossHome + ": run ./mvnw install -DskipTests first");
        }
        if (!Files.isRegularFile(config.ear())) {
            throw new IllegalStateException("no EAR at " + config.ear() + ": run ./mvnw install -DskipTests first");
        }
        Path base = config.serverBase();
        deleteRecursively(base);
        try {
            config.database().recreate();
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot recreate the benchmark database: " + e.getMessage(), e);
        }
        copyConfiguration(jbossHome.resolve("standalone/configuration"), base.resolve("configuration"));
        Path deployments = Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(base.resolve("log"));
        Files.copy(config.ear(), deployments.resolve("baton.ear"), StandardCopyOption.REPLACE_EXISTING);
        javaOptions.addAll(List.of(
                "-Xms" + config.serverHeap(),
                "-Xmx" + config.serverHeap(),
                "-XX:MetaspaceSize=96M",
                "-XX:MaxMetaspaceSize=512m",
                "-Djava.net.preferIPv4Stack=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Djava.awt.headless=true"));
        for (String option : config.serverOptions().trim().split("\\s+")) {
            if (!option.isEmpty()) {
                javaOptions.add(option);
            }
        }
        if (config.jfr()) {
            javaOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + base.getParent().resolve("server.jfr"));
        }
    }

    private void launch() throws IOException, InterruptedException {
        requireFree(config.httpPort());
        requireFree(config.managementPort());
        Path jbossHome = config.jbossHome();
        Path base = config.serverBase();
        List<String> command = new ArrayList<>(List.of(
                jbossHome.resolve("bin/standalone.sh").toString(),
                "-c",
                config.database().serverConfig(),
                "-b",
                "127.0.0.1",
                "-bmanagement",
                "127.0.0.1",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + config.portOffset()));
        command.addAll(config.database().serverProperties());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("log/console.log").toFile());
        builder.environment().put("JAVA_OPTS", String.join(" ", javaOptions));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        process = builder.start();
        shutdownHook = new Thread(this::stop, "stop-baton-server");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitDeployment(base.resolve("deployments"));
        awaitHealth();
    }

    /** The server JVM's options (for the report). */
    List<String> javaOptions() {
        return List.copyOf(javaOptions);
    }

    /** The WildFly JVM (a child of standalone.sh), for thread dumps. */
    Optional<ProcessHandle> jvm() {
        return process == null
                ? Optional.empty()
                : process.descendants()
                        .filter(p ->
                                p.info().command().map(c -> c.endsWith("java")).orElse(false))
                        .findFirst();
    }

    private void awaitDeployment(Path deployments) throws InterruptedException {
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(deployments.resolve("baton.ear.deployed"))) {
                return;
            }
            if (Files.exists(deployments.resolve("baton.ear.failed"))) {
                throw new IllegalStateException("deploying baton.ear failed: see " + config.serverBase()
                        + "/log/server.log and deployments/baton.ear.failed");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ": see "
                        + config.serverBase() + "/log/console.log");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("baton.ear was not deployed within " + DEPLOY_TIMEOUT);
    }

    private void awaitHealth() throws InterruptedException {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (HttpConnection http = new HttpConnection("127.0.0.1", config.httpPort(), null)) {
                if (http.get("/api/health").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("/api/health did not answer 200 within " + HEALTH_TIMEOUT, last);
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is stopping the server
            }
        }
    }

    /** Stops WildFly gracefully (SIGTERM to its JVM), forcibly after a minute. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle p : children) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(
                    Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static void requireFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            throw new IllegalStateException("something already listens on 127.0.0.1:" + port
                    + " (another benchmark run?); choose another -Dbench.port.offset");
        } catch (IOException expected) {
            // free
        }
    }

    private static void copyConfiguration(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.startsWith("standalone_xml_history")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

package dev.baton.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A Baton server this test starts and kills itself (not Arquillian's): the configured WildFly with its
 * own copy of the standalone folder, its own port offset, and the built EAR in deployments/. It starts
 * with {@code standalone-full.xml} unless {@link #config} names another file of the configuration folder
 * (e.g. {@code standalone-full-postgresql.xml}); {@link #systemProperty} adds {@code -D} options.
 */
public final class ServerProcess implements AutoCloseable {

    private final Path base;
    private final int offset;
    private final List<String> systemProperties = new ArrayList<>();
    private String config = "standalone-full.xml";
    private Process process;

    private ServerProcess(Path base, int offset) {
        this.base = base;
        this.offset = offset;
    }

    /** A fresh server folder (fresh database) copied from the Arquillian server's configuration. */
    public static ServerProcess fresh(String name, int offset) {
        Path template = Path.of(System.getProperty("baton.it.server.base"));
        Path base = template.resolveSibling(name);
        deleteTree(base);
        copyTree(template.resolve("configuration"), base.resolve("configuration"));
        try {
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(
                    Path.of(System.getProperty("baton.ear")),
                    base.resolve("deployments/baton.ear"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerProcess(base, offset);
    }

    /** Starts with this server configuration file (in configuration/) instead of standalone-full.xml. */
    public ServerProcess config(String file) {
        this.config = file;
        return this;
    }

    /** Adds {@code -Dname=value} to the server's command line (replacing an earlier value of {@code name}). */
    public ServerProcess systemProperty(String name, String value) {
        systemProperties.removeIf(p -> p.startsWith("-D" + name + "="));
        systemProperties.add("-D" + name + "=" + value);
        return this;
    }

    /** What the server printed to its console since it last started. */
    public String console() {
        try {
            return Files.readString(base.resolve("console.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A connection to this server's H2 database (the default configuration's file) while the server is
     * stopped, through the H2 driver of the WildFly installation it runs on.
     */
    public Connection openH2WhileStopped() throws Exception {
        Path module = Path.of(System.getProperty("baton.it.jboss.home"))
                .resolve("modules/system/layers/base/com/h2database/h2/main");
        Path jar;
        try (Stream<Path> files = Files.list(module)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 jar in " + module));
        }
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader)
                .getDeclaredConstructor()
                .newInstance();
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "sa");
        String url = "jdbc:h2:" + base.resolve("data/baton/baton") + ";IFEXISTS=TRUE";
        Connection connection = driver.connect(url, credentials);
        if (connection == null) {
            throw new IllegalStateException("the H2 driver refused " + url);
        }
        return connection;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** Starts the server and waits until Baton answers its health check. */
    public void start() {
        Path home = Path.of(System.getProperty("baton.it.jboss.home"));
        if (!Files.isRegularFile(base.resolve("configuration").resolve(config))) {
            throw new IllegalStateException(config + " is not in " + base.resolve("configuration")
                    + ": build server-config first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-c",
                config,
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Dbaton.workspace.dir=" + System.getProperty("baton.it.workspace"),
                "-Dbaton.retry.baseMillis=50",
                "-Dbaton.retry.maxMillis=400"));
        command.addAll(systemProperties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
        builder.environment().put("JBOSS_HOME", home.toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Awaitility.await("Baton on " + baseUrl())
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> client.send(
                                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** A graceful stop (SIGTERM to the server JVM, as an init system does), waiting for it to exit. */
    public void stopGracefully(Duration atMost) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
        process.descendants().forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            handle.onExit()
                    .orTimeout(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .join();
        }
    }

    /** kill -9 of the server JVM (and the script that launched it). */
    public void kill9() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

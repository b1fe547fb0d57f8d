package dev.baton.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Baton's settings. Every value is a system property with a documented default (see README),
 * read on each call so tests and operators can change them at run time.
 */
@ApplicationScoped
public class BatonConfig {

    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;

    /** Folder holding workspace scripts; no handler name can point outside it. */
    public Path workspace() {
        String configured = System.getProperty("baton.workspace");
        if (configured == null || configured.isBlank()) {
            String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
            return Path.of(dataDir, "baton", "workspace");
        }
        return Path.of(configured);
    }

    /** This node's name in task records (defaults to WildFly's node name, then the host name). */
    public String nodeName() {
        String name = System.getProperty("baton.node", System.getProperty("jboss.node.name"));
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** First retry delay; each further failed attempt doubles it (with jitter) up to {@link #retryMaxDelay()}. */
    public Duration retryBaseDelay() {
        return Duration.ofMillis(longProperty("baton.retry.baseMillis", 1000));
    }

    public Duration retryMaxDelay() {
        return Duration.ofMillis(longProperty("baton.retry.maxMillis", 300_000));
    }

    /** Queued tasks gain {@link #agingStep()} effective priority per interval waited, so none starves. */
    public Duration agingInterval() {
        return Duration.ofMillis(longProperty("baton.aging.intervalMillis", 60_000));
    }

    public int agingStep() {
        return (int) longProperty("baton.aging.step", 10);
    }

    /**
     * Most tasks one dispatch message carries when tasks of an inline handler are submitted together
     * (their attempts then share one transaction); 1 sends one message per task.
     */
    public int dispatchGroupSize() {
        return (int) Math.max(1, Math.min(1000, longProperty("baton.dispatch.groupSize", 100)));
    }

    /** Largest request body the REST API accepts (413 above it). */
    public long maxRequestBytes() {
        return longProperty("baton.maxRequestBytes", DEFAULT_MAX_REQUEST_BYTES);
    }

    /** Longest {@code ?wait=} a client may ask for. */
    public Duration maxWait() {
        return Duration.ofSeconds(longProperty("baton.maxWaitSeconds", 300));
    }

    /** Largest stdout a script may print as its result. */
    public long maxScriptOutputBytes() {
        return longProperty("baton.script.maxOutputBytes", 16L * 1024 * 1024);
    }

    /** How often remote workers must be heard from (they are told at registration). */
    public Duration workerHeartbeat() {
        return Duration.ofSeconds(longProperty("baton.workers.heartbeatSeconds", 5));
    }

    /** A worker not heard from for this long is DEAD and its tasks are re-queued. */
    public Duration workerLease() {
        return Duration.ofSeconds(longProperty("baton.workers.leaseSeconds", 15));
    }

    /** A server node whose heartbeat is older than this is DEAD; other nodes re-queue its tasks. */
    public Duration nodeLease() {
        return Duration.ofSeconds(longProperty("baton.nodes.leaseSeconds", 30));
    }

    /** How often each node heartbeats and looks for dead members, finished drains and overdue tasks. */
    public Duration clusterTick() {
        return Duration.ofMillis(longProperty("baton.cluster.tickMillis", 1000));
    }

    /** How long a drain lets in-flight tasks finish when the caller names no timeout. */
    public Duration drainTimeout() {
        return Duration.ofSeconds(longProperty("baton.drain.timeoutSeconds", 60));
    }

    /** How long a draining node delays each dispatch message it hands back to the queue. */
    public Duration drainBounce() {
        return Duration.ofMillis(longProperty("baton.drain.bounceMillis", 1000));
    }

    /** How long a server shutdown waits for this node's running tasks before stopping. */
    public Duration shutdownDrain() {
        return Duration.ofSeconds(longProperty("baton.shutdown.drainSeconds", 30));
    }

    /** Dispatch consumers on this node (the dispatch MDB's maxSession): its thread count. */
    public int dispatchThreads() {
        return (int) longProperty("baton.dispatch.sessions", 16);
    }

    /** Largest value the shared storage keeps at one path, as compact JSON text in UTF-8 (413 above it). */
    public long storageMaxValueBytes() {
        return longProperty("baton.storage.maxValueBytes", 1L << 20);
    }

    /** Largest subtree one storage read assembles: its values' JSON and their paths (413 above it). */
    public long storageMaxReadBytes() {
        return longProperty("baton.storage.maxReadBytes", 16L << 20);
    }

    /**
     * The REST API's base URL as workspace scripts reach it ({@code BATON_API_URL}): {@code baton.api.url},
     * else this server's HTTP listener ({@code jboss.bind.address}, 127.0.0.1 when unset or a wildcard;
     * {@code jboss.http.port} (8080) plus {@code jboss.socket.binding.port-offset}) and {@code /api}.
     */
    public String apiUrl() {
        String configured = System.getProperty("baton.api.url");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = System.getProperty("jboss.bind.address", "").strip();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        long port = longProperty("jboss.http.port", 8080) + longProperty("jboss.socket.binding.port-offset", 0);
        return "http://" + host + ":" + port + "/api";
    }

    /**
     * The user workspace scripts call the API as ({@code BATON_API_USER}): {@code baton.api.user}, by
     * default the dev user {@code worker}; set it blank to give scripts no credentials. Give scripts a
     * dedicated user in production.
     */
    public String apiUser() {
        return System.getProperty("baton.api.user", "worker").strip();
    }

    /** {@code BATON_API_PASSWORD}: {@code baton.api.password}, by default the dev user's {@code worker}. */
    public String apiPassword() {
        return System.getProperty("baton.api.password", "worker");
    }

    /**
     * The environment that lets a workspace script call Baton's API (e.g. the shared storage):
     * {@code BATON_API_URL}, and {@code BATON_API_USER} / {@code BATON_API_PASSWORD} unless the user is blank.
     */
    public Map<String, String> scriptApiEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BATON_API_URL", apiUrl());
        String user = apiUser();
        if (!user.isEmpty()) {
            env.put("BATON_API_USER", user);
            env.put("BATON_API_PASSWORD", apiPassword());
        }
        return env;
    }

    private static long longProperty(String name, long defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}

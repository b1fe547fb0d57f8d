package dev.baton.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

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

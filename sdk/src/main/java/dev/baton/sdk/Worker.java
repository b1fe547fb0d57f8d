package dev.baton.sdk;

import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A remote worker (Orchestra's Instrument): runs the tasks of its handlers on {@code threads} threads,
 * outside the Baton server, over the worker protocol of docs/workers.md.
 *
 * <pre>{@code
 * Worker worker = Worker.builder()
 *         .url("http://localhost:8080").credentials("worker", "worker").name("resizer-1")
 *         .handler("resize", ctx -> resize(ctx.params(Resize.class)))
 *         .threads(4)
 *         .start();
 * ...
 * worker.close(); // graceful: stop polling, finish in-flight tasks, deregister
 * }</pre>
 *
 * <p>{@link Builder#start()} registers and returns; from then on one poller thread long-polls for as many
 * tasks as there are free threads (never more), the task threads run the handlers and report
 * {@code complete}/{@code fail}, and a timer heartbeats every {@code heartbeatSeconds} the server asked
 * for: the heartbeat answer cancels tasks (their threads are interrupted and nothing is reported),
 * carries commands (answered by the {@link Builder#command} hooks, unknown ones with {@code ok: false})
 * and tells when an operator drains the worker (it then stops polling until resumed). Transient HTTP
 * failures are retried with backoff; a {@code 409 lease-lost} answer drops the result.
 */
public final class Worker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final WorkerSettings settings;
    private final WorkerLifecycle lifecycle = new WorkerLifecycle();
    private final WorkerStatus status;
    private final WorkerSession session;
    private final TaskSlots slots;
    private final Heartbeats heartbeats;
    private final Poller poller;
    private final GracefulShutdown shutdown;

    private Worker(Builder builder) {
        Transport http =
                new Transport(builder.url, builder.user, builder.password, builder.httpClient, builder.backoff);
        this.settings = new WorkerSettings(
                builder.name,
                builder.host,
                builder.threads,
                builder.handlers,
                builder.commands,
                (int) builder.pollWait.toSeconds(),
                builder.shutdownGrace,
                builder.backoff,
                builder.reportAttempts);
        WorkerThreads threads = new WorkerThreads(settings);
        this.status = new WorkerStatus(settings.name());
        this.session = new WorkerSession(http, settings, status, lifecycle);
        this.slots = new TaskSlots(settings.threads());
        TaskExecution execution =
                new TaskExecution(settings, threads, slots, new TaskReports(http, settings, session, slots));
        CommandAnswers commands = new CommandAnswers(http, settings, threads);
        this.heartbeats = new Heartbeats(http, settings, session, status, slots, commands, lifecycle, threads);
        this.poller = new Poller(http, settings, session, status, slots, execution, lifecycle, threads);
        this.shutdown = new GracefulShutdown(settings, lifecycle, threads, session, slots, poller, heartbeats);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- life cycle --------------------------------------------------------------------------------

    private Worker start(Duration startTimeout) {
        try {
            session.register(startTimeout);
        } catch (RuntimeException e) {
            shutdown.terminate();
            throw e;
        }
        heartbeats.start();
        poller.start();
        LOG.log(
                Level.INFO,
                "worker {0} ({1}) registered at {2}: handlers {3}, {4} threads, heartbeat {5} s, lease {6} s",
                settings.name(),
                session.id(),
                session.base(),
                settings.handlers().keySet(),
                settings.threads(),
                session.heartbeatSeconds(),
                session.leaseSeconds());
        return this;
    }

    /**
     * Graceful shutdown: stops polling, lets the tasks in flight finish and report for up to {@code grace}
     * (then interrupts them; Baton re-queues them), stops heartbeating and deregisters. Idempotent; a
     * second caller waits for the first one's shutdown. Do not call it from a task handler.
     */
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        shutdown.shutdown(grace);
    }

    /** {@link #shutdown(Duration)} with the builder's {@code shutdownGrace} (default 30 s). */
    @Override
    public void close() {
        shutdown(settings.shutdownGrace());
    }

    /** Adds a JVM shutdown hook (SIGTERM, Ctrl-C) that shuts this worker down gracefully. */
    public Worker registerShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, settings.threadName("shutdown")));
        return this;
    }

    /** Blocks until the worker has shut down. */
    public void awaitTermination() {
        lifecycle.awaitTermination();
    }

    /** Blocks until the worker has shut down or {@code timeout} passed; true when it has. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return lifecycle.awaitTermination(timeout);
    }

    // ---- what it is ---------------------------------------------------------------------------------

    /** The id Baton gave the registration ({@code w-…}). */
    public String id() {
        return session.id();
    }

    public String name() {
        return settings.name();
    }

    public int threads() {
        return settings.threads();
    }

    /** The status Baton last reported ({@code IDLE}, {@code PROCESSING}, {@code STOPPING}, {@code STOPPED}, …). */
    public String status() {
        return status.status();
    }

    /** The ids of the tasks running now. */
    public Set<String> runningTasks() {
        return slots.ids();
    }

    /** The heartbeat period Baton asked for at registration. */
    public int heartbeatSeconds() {
        return session.heartbeatSeconds();
    }

    /** How long Baton waits for a heartbeat before it declares this worker dead. */
    public int leaseSeconds() {
        return session.leaseSeconds();
    }

    /** True while Baton drains this worker ({@code STOPPING}/{@code STOPPED}): it polls no new work. */
    public boolean isDrained() {
        return status.drained();
    }

    public boolean isShutdown() {
        return lifecycle.terminated();
    }

    @Override
    public String toString() {
        return "Worker[" + settings.name() + " " + session.id() + " " + status.status() + ", " + slots.size() + "/"
                + settings.threads() + " busy]";
    }

    /** Configures and {@link #start()}s a worker. */
    public static final class Builder {

        private String url;
        private String user;
        private String password;
        private String name;
        private String host;
        private int threads = 1;
        private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
        private final Map<String, CommandHandler> commands = new LinkedHashMap<>();
        private Duration pollWait = Duration.ofSeconds(30);
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration startTimeout = Duration.ofSeconds(60);
        private HttpClient httpClient;
        private Backoff backoff = Backoff.DEFAULT;
        private int reportAttempts = 10;

        private Builder() {}

        /** Baton's base URL, e.g. {@code http://localhost:8080}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** BASIC credentials of a user with role {@code worker} or {@code admin}. */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The worker's name ({@code [A-Za-z0-9._:-]}, 1–100); default host-pid. */
        public Builder name(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "a worker name is 1-100 characters [A-Za-z0-9._:-] (was " + name + ")");
            }
            this.name = name;
            return this;
        }

        /** The host reported at registration; default this machine's host name. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** How many tasks run at once (1–1024, default 1): the worker never polls more than it has free threads. */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("threads must be between 1 and 1024 (was " + threads + ")");
            }
            this.threads = threads;
            return this;
        }

        /** Registers {@code handler} for the handler name {@code name} (a task's {@code handler}). */
        public Builder handler(String name, TaskHandler handler) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a handler needs a name");
            }
            handlers.put(name, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Answers commands called {@code name} addressed to this worker. */
        public Builder command(String name, CommandHandler handler) {
            commands.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** How long one poll waits for work (0–60 s, default 30). */
        public Builder pollWait(Duration wait) {
            if (wait.isNegative() || wait.toSeconds() > 60) {
                throw new IllegalArgumentException("pollWait must be between 0 and 60 seconds (was " + wait + ")");
            }
            this.pollWait = wait;
            return this;
        }

        /** How long {@link Worker#close()} lets in-flight tasks finish (default 30 s). */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** How long {@link #start()} keeps trying to register while Baton is unreachable (default 60 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The pauses between retries of transient failures: exponential from {@code initial} up to {@code max}, jittered. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.backoff = new Backoff(initial, max);
            return this;
        }

        /** How often a complete/fail report is tried before it is given up (default 10). */
        public Builder reportAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("reportAttempts must be at least 1");
            }
            this.reportAttempts = attempts;
            return this;
        }

        /** A configured HTTP client (proxy, TLS); default HTTP/1.1 with a 5 s connect timeout. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * Registers the worker and starts polling. Transient failures to reach Baton are retried for
         * {@code startTimeout}; a refusal (401, 403, 400/422 for bad names) throws {@link BatonProblemException}.
         */
        public Worker start() {
            if (url == null) {
                throw new IllegalStateException("a worker needs the Baton url");
            }
            if (handlers.isEmpty()) {
                throw new IllegalStateException("a worker needs at least one handler");
            }
            return new Worker(this).start(startTimeout);
        }
    }
}

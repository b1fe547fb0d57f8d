package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final int MAX_POLL = 100;
    private static final int SEEN_COMMANDS = 1000;

    private final Transport http;
    private final String name;
    private final String host;
    private final int threads;
    private final Map<String, TaskHandler> handlers;
    private final Map<String, CommandHandler> commands;
    private final int pollWaitSeconds;
    private final Duration shutdownGrace;
    private final Backoff backoff;
    private final int reportAttempts;

    private final Semaphore free;
    private final ExecutorService taskThreads;
    private final ScheduledExecutorService timers;
    private final ExecutorService commandThread;
    private final Map<String, RunningTask> running = new ConcurrentHashMap<>();
    private final Set<String> seenCommands =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > SEEN_COMMANDS;
                }
            }));
    private final Object pauseLock = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private volatile String id;
    private volatile int heartbeatSeconds;
    private volatile int leaseSeconds;
    private volatile String status;
    private volatile boolean paused;
    private Thread poller;
    private ScheduledFuture<?> heartbeats;

    private Worker(Builder builder) {
        this.http = new Transport(builder.url, builder.user, builder.password, builder.httpClient, builder.backoff);
        this.name = builder.name != null ? builder.name : defaultName();
        this.host = builder.host != null ? builder.host : localHost();
        this.threads = builder.threads;
        this.handlers = Map.copyOf(builder.handlers);
        this.commands = Map.copyOf(builder.commands);
        this.pollWaitSeconds = (int) builder.pollWait.toSeconds();
        this.shutdownGrace = builder.shutdownGrace;
        this.backoff = builder.backoff;
        this.reportAttempts = builder.reportAttempts;
        this.free = new Semaphore(threads);
        this.taskThreads = Executors.newFixedThreadPool(threads, named("baton-worker-" + name + "-task-", false));
        // two threads: a slow heartbeat call must not delay task timeouts
        this.timers = Executors.newScheduledThreadPool(2, named("baton-worker-" + name + "-timer-", true));
        this.commandThread = Executors.newSingleThreadExecutor(named("baton-worker-" + name + "-command-", true));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- life cycle --------------------------------------------------------------------------------

    private Worker start(Duration startTimeout) {
        Instant deadline = Instant.now().plus(startTimeout);
        for (int attempt = 1; ; attempt++) {
            try {
                register();
                break;
            } catch (BatonProblemException e) {
                terminate();
                throw e;
            } catch (BatonException e) {
                if (Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
                    terminate();
                    throw new BatonException(
                            "could not register worker " + name + " at " + http.base() + ": " + e.getMessage(), e);
                }
                LOG.log(Level.WARNING, "registering worker {0} failed ({1}), retrying", name, e.getMessage());
                sleep(backoff.delay(attempt));
            }
        }
        long period = Math.max(1, heartbeatSeconds) * 1000L;
        heartbeats = timers.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        poller = new Thread(this::pollLoop, "baton-worker-" + name + "-poller");
        poller.start();
        LOG.log(
                Level.INFO,
                "worker {0} ({1}) registered at {2}: handlers {3}, {4} threads, heartbeat {5} s, lease {6} s",
                name,
                id,
                http.base(),
                handlers.keySet(),
                threads,
                heartbeatSeconds,
                leaseSeconds);
        return this;
    }

    private void register() {
        JsonArrayBuilder names = Json.createArrayBuilder();
        handlers.keySet().stream().sorted().forEach(names::add);
        JsonObject body = Json.createObjectBuilder()
                .add("name", name)
                .add("host", host)
                .add("handlers", names)
                .add("threads", threads)
                .build();
        Transport.Response response =
                http.send("POST", "/api/workers", body, Map.of(), Duration.ofSeconds(30), Transport.Retry.IDEMPOTENT);
        if (!response.ok()) {
            throw response.problem();
        }
        JsonObject worker = response.object();
        String newId = JsonCodec.text(worker, "id");
        if (newId == null) {
            throw new BatonException("the registration answer has no id: " + worker);
        }
        heartbeatSeconds = JsonCodec.integer(worker, "heartbeatSeconds", 5);
        leaseSeconds = JsonCodec.integer(worker, "leaseSeconds", 15);
        updateStatus(JsonCodec.text(worker, "status"));
        id = newId;
    }

    /** Baton no longer knows the registration {@code staleId} (404): register again, once per stale id. */
    private synchronized void reregister(String staleId) {
        if (!staleId.equals(id) || stopping.get()) {
            return;
        }
        LOG.log(Level.WARNING, "Baton does not know worker {0} ({1}) any more: registering again", name, staleId);
        try {
            register();
        } catch (BatonException e) {
            LOG.log(Level.WARNING, "registering worker {0} again failed: {1}", name, e.getMessage());
        }
    }

    /**
     * Graceful shutdown: stops polling, lets the tasks in flight finish and report for up to {@code grace}
     * (then interrupts them; Baton re-queues them), stops heartbeating and deregisters. Idempotent; a
     * second caller waits for the first one's shutdown. Do not call it from a task handler.
     */
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (!stopping.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        LOG.log(Level.INFO, "worker {0} ({1}) shutting down: {2} tasks in flight", name, id, running.size());
        try {
            if (poller != null) {
                poller.interrupt();
                synchronized (pauseLock) {
                    pauseLock.notifyAll();
                }
                poller.join(TimeUnit.SECONDS.toMillis(30));
            }
            taskThreads.shutdown();
            if (!taskThreads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(
                        Level.WARNING,
                        "worker {0}: {1} tasks still running after {2}: interrupting them (Baton re-queues them)",
                        name,
                        running.size(),
                        grace);
                running.values().forEach(RunningTask::lose);
                taskThreads.shutdownNow();
                taskThreads.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.values().forEach(RunningTask::lose);
            taskThreads.shutdownNow();
        } finally {
            if (heartbeats != null) {
                heartbeats.cancel(false);
            }
            deregister();
            terminate();
        }
    }

    /** {@link #shutdown(Duration)} with the builder's {@code shutdownGrace} (default 30 s). */
    @Override
    public void close() {
        shutdown(shutdownGrace);
    }

    private void deregister() {
        String workerId = id;
        if (workerId == null) {
            return;
        }
        try {
            boolean interrupted = Thread.interrupted();
            Transport.Response response = http.send(
                    "DELETE",
                    "/api/workers/" + workerId,
                    null,
                    Map.of(),
                    Duration.ofSeconds(10),
                    Transport.Retry.IDEMPOTENT);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (response.ok() || response.status() == 404) {
                LOG.log(Level.INFO, "worker {0} ({1}) deregistered", name, workerId);
            } else {
                LOG.log(
                        Level.WARNING,
                        "deregistering worker {0} answered {1}",
                        name,
                        response.problem().getMessage());
            }
        } catch (BatonException e) {
            LOG.log(Level.WARNING, "deregistering worker {0} failed: {1}", name, e.getMessage());
        }
    }

    private void terminate() {
        taskThreads.shutdownNow();
        timers.shutdownNow();
        commandThread.shutdownNow();
        stopping.set(true);
        terminated.countDown();
    }

    /** Adds a JVM shutdown hook (SIGTERM, Ctrl-C) that shuts this worker down gracefully. */
    public Worker registerShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "baton-worker-" + name + "-shutdown"));
        return this;
    }

    /** Blocks until the worker has shut down. */
    public void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the worker has shut down or {@code timeout} passed; true when it has. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- what it is ---------------------------------------------------------------------------------

    /** The id Baton gave the registration ({@code w-…}). */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int threads() {
        return threads;
    }

    /** The status Baton last reported ({@code IDLE}, {@code PROCESSING}, {@code STOPPING}, {@code STOPPED}, …). */
    public String status() {
        return status;
    }

    /** The ids of the tasks running now. */
    public Set<String> runningTasks() {
        return Set.copyOf(running.keySet());
    }

    /** The heartbeat period Baton asked for at registration. */
    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    /** How long Baton waits for a heartbeat before it declares this worker dead. */
    public int leaseSeconds() {
        return leaseSeconds;
    }

    /** True while Baton drains this worker ({@code STOPPING}/{@code STOPPED}): it polls no new work. */
    public boolean isDrained() {
        return paused;
    }

    public boolean isShutdown() {
        return terminated.getCount() == 0;
    }

    @Override
    public String toString() {
        return "Worker[" + name + " " + id + " " + status + ", " + running.size() + "/" + threads + " busy]";
    }

    // ---- polling ------------------------------------------------------------------------------------

    private void pollLoop() {
        int failures = 0;
        while (!stopping.get()) {
            try {
                awaitUndrained();
                free.acquire();
            } catch (InterruptedException e) {
                return;
            }
            int max = 1 + free.drainPermits();
            if (max > MAX_POLL) {
                free.release(max - MAX_POLL);
                max = MAX_POLL;
            }
            List<RemoteTask> tasks;
            String workerId = id;
            try {
                tasks = poll(workerId, max);
                failures = 0;
            } catch (BatonException e) {
                free.release(max);
                if (stopping.get() || Thread.currentThread().isInterrupted()) {
                    return;
                }
                failures++;
                LOG.log(Level.WARNING, "worker {0}: poll failed ({1}), retrying", name, e.getMessage());
                try {
                    Thread.sleep(backoff.delay(failures).toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            free.release(max - tasks.size());
            for (RemoteTask task : tasks) {
                launch(task, workerId);
            }
        }
    }

    private List<RemoteTask> poll(String workerId, int max) {
        Transport.Response response = http.send(
                "POST",
                "/api/workers/" + workerId + "/poll?max=" + max + "&wait=" + pollWaitSeconds,
                null,
                Map.of(),
                Duration.ofSeconds(pollWaitSeconds + 30L),
                Transport.Retry.ONCE.attempts(1));
        if (response.status() == 404) {
            reregister(workerId);
            return List.of();
        }
        if (!response.ok()) {
            throw response.problem();
        }
        JsonObject answer = response.object();
        updateStatus(JsonCodec.text(answer, "status"));
        List<RemoteTask> tasks = new ArrayList<>();
        JsonValue array = answer.get("tasks");
        if (array != null && array.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue task : array.asJsonArray()) {
                tasks.add(RemoteTask.of(task.asJsonObject()));
            }
        }
        return tasks;
    }

    private void awaitUndrained() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !stopping.get()) {
                pauseLock.wait();
            }
        }
    }

    private void updateStatus(String newStatus) {
        if (newStatus == null) {
            return;
        }
        status = newStatus;
        boolean drained = newStatus.equals("STOPPING") || newStatus.equals("STOPPED");
        if (drained != paused) {
            LOG.log(
                    Level.INFO,
                    drained ? "worker {0} is drained ({1}): no new work" : "worker {0} resumed ({1})",
                    name,
                    newStatus);
        }
        synchronized (pauseLock) {
            paused = drained;
            if (!drained) {
                pauseLock.notifyAll();
            }
        }
    }

    // ---- running tasks ------------------------------------------------------------------------------

    private void launch(RemoteTask task, String workerId) {
        RunningTask runningTask = new RunningTask(task, workerId);
        running.put(task.id(), runningTask);
        try {
            taskThreads.execute(() -> run(runningTask));
        } catch (RejectedExecutionException e) {
            // shutting down: Baton re-queues it when the worker deregisters
            running.remove(task.id());
            free.release();
        }
    }

    private void run(RunningTask runningTask) {
        RemoteTask task = runningTask.task();
        Thread.interrupted();
        runningTask.start(Thread.currentThread());
        ScheduledFuture<?> timeout = null;
        if (task.timeoutSeconds() > 0) {
            timeout = timers.schedule(runningTask::timeOut, task.timeoutSeconds(), TimeUnit.SECONDS);
        }
        String kind;
        JsonObjectBuilder report = Json.createObjectBuilder();
        if (task.lease() != null) {
            report.add("lease", task.lease());
        }
        try {
            TaskHandler handler = handlers.get(task.handler());
            if (handler == null) {
                throw new IllegalStateException("worker " + name + " has no handler '" + task.handler() + "'");
            }
            Object result = handler.handle(new TaskContext(task, this::sendProgress, runningTask));
            if (runningTask.timedOut()) {
                kind = "fail";
                report.add("error", timedOutMessage(task)).add("timedOut", true);
            } else {
                JsonValue json = JsonCodec.toJson(result);
                kind = "complete";
                report.add("result", json);
            }
        } catch (TaskTimedOutException e) {
            kind = "fail";
            report.add("error", message(e)).add("timedOut", true);
        } catch (Throwable e) {
            kind = "fail";
            if (runningTask.timedOut()) {
                report.add("error", timedOutMessage(task)).add("timedOut", true);
            } else {
                report.add("error", message(e)).add("timedOut", false);
            }
            if (!(e instanceof Exception) && !runningTask.lost()) {
                LOG.log(Level.WARNING, "task " + task.id() + " (" + task.handler() + ") failed with an error", e);
            }
        } finally {
            runningTask.finish();
            if (timeout != null) {
                timeout.cancel(false);
            }
            Thread.interrupted();
        }
        try {
            if (runningTask.lost()) {
                LOG.log(Level.INFO, "task {0} was taken away from worker {1}: nothing reported", task.id(), name);
            } else {
                report(runningTask, kind, report.build());
            }
        } finally {
            running.remove(task.id());
            free.release();
        }
    }

    private void report(RunningTask runningTask, String kind, JsonObject body) {
        RemoteTask task = runningTask.task();
        String path = "/api/workers/" + runningTask.workerId() + "/tasks/" + task.id() + "/";
        try {
            Transport.Response response = http.send(
                    "POST",
                    path + kind,
                    body,
                    Map.of(),
                    Duration.ofSeconds(30),
                    new Transport.Retry(true, reportAttempts));
            if (response.ok()) {
                return;
            }
            if (response.status() == 409 || response.status() == 404) {
                LOG.log(
                        Level.INFO,
                        "task {0}: {1} refused ({2}): the lease is lost, result dropped",
                        task.id(),
                        kind,
                        response.problem().getMessage());
                return;
            }
            BatonProblemException problem = response.problem();
            if (kind.equals("complete")) {
                // e.g. a result too large: fail the attempt rather than leave it to the lease
                LOG.log(
                        Level.WARNING,
                        "task {0}: result refused ({1}): reporting a failure",
                        task.id(),
                        problem.getMessage());
                JsonObjectBuilder fail = Json.createObjectBuilder();
                if (task.lease() != null) {
                    fail.add("lease", task.lease());
                }
                fail.add("error", "result refused by Baton: " + problem.getMessage())
                        .add("timedOut", false);
                report(runningTask, "fail", fail.build());
            } else {
                LOG.log(Level.WARNING, "task {0}: {1} refused: {2}", task.id(), kind, problem.getMessage());
            }
        } catch (BatonException e) {
            LOG.log(
                    Level.ERROR,
                    "task {0}: could not report {1} ({2}); Baton re-queues it when the lease ends",
                    task.id(),
                    kind,
                    e.getMessage());
        }
    }

    private void sendProgress(RemoteTask task, int percent, String message) {
        RunningTask runningTask = running.get(task.id());
        String workerId = runningTask != null ? runningTask.workerId() : id;
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (task.lease() != null) {
            body.add("lease", task.lease());
        }
        body.add("percent", percent);
        if (message != null) {
            body.add("message", message);
        }
        try {
            Transport.Response response = http.send(
                    "POST",
                    "/api/workers/" + workerId + "/tasks/" + task.id() + "/progress",
                    body.build(),
                    Map.of(),
                    Duration.ofSeconds(10),
                    Transport.Retry.IDEMPOTENT.attempts(3));
            if (response.status() == 409 || response.status() == 404) {
                if (runningTask != null) {
                    runningTask.lose();
                }
                throw new LeaseLostException("task " + task.id() + " is no longer this worker's: "
                        + response.problem().getMessage());
            }
            if (!response.ok()) {
                LOG.log(
                        Level.WARNING,
                        "task {0}: progress refused: {1}",
                        task.id(),
                        response.problem().getMessage());
            }
        } catch (LeaseLostException e) {
            throw e;
        } catch (BatonException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "task {0}: progress not sent: {1}", task.id(), e.getMessage());
        }
    }

    private static String timedOutMessage(RemoteTask task) {
        return "timed out after " + task.timeoutSeconds() + " s";
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }

    // ---- heartbeats and commands ------------------------------------------------------------------

    private void heartbeat() {
        String workerId = id;
        if (workerId == null || terminated.getCount() == 0) {
            return;
        }
        try {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            running.values().stream()
                    .filter(task -> !task.lost() && workerId.equals(task.workerId()))
                    .forEach(task -> ids.add(task.task().id()));
            Transport.Response response = http.send(
                    "POST",
                    "/api/workers/" + workerId + "/heartbeat",
                    Json.createObjectBuilder().add("running", ids).build(),
                    Map.of(),
                    Duration.ofSeconds(Math.max(5, heartbeatSeconds)),
                    Transport.Retry.IDEMPOTENT.attempts(2));
            if (response.status() == 404) {
                reregister(workerId);
                return;
            }
            if (!response.ok()) {
                LOG.log(
                        Level.WARNING,
                        "worker {0}: heartbeat refused: {1}",
                        name,
                        response.problem().getMessage());
                return;
            }
            JsonObject answer = response.object();
            updateStatus(JsonCodec.text(answer, "status"));
            JsonValue cancel = answer.get("cancel");
            if (cancel != null && cancel.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue taskId : cancel.asJsonArray()) {
                    if (taskId instanceof jakarta.json.JsonString text) {
                        RunningTask task = running.get(text.getString());
                        if (task != null) {
                            LOG.log(Level.INFO, "task {0} cancelled by Baton: stopping it", text.getString());
                            task.lose();
                        }
                    }
                }
            }
            JsonValue commandList = answer.get("commands");
            if (commandList != null && commandList.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue command : commandList.asJsonArray()) {
                    if (command instanceof JsonObject object) {
                        String commandId = JsonCodec.text(object, "id");
                        if (commandId != null && seenCommands.add(commandId)) {
                            commandThread.execute(() -> answer(workerId, commandId, object));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                LOG.log(Level.WARNING, "worker {0}: heartbeat failed: {1}", name, e.getMessage());
            }
        }
    }

    private void answer(String workerId, String commandId, JsonObject command) {
        String commandName = JsonCodec.text(command, "name");
        JsonValue args = command.get("args");
        CommandHandler handler = commandName == null ? null : commands.get(commandName);
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (handler == null) {
            answer.add("ok", false).add("error", "unknown command '" + commandName + "' on worker " + name);
        } else {
            try {
                Object result =
                        handler.handle(args instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT);
                answer.add("ok", true).add("result", JsonCodec.toJson(result));
            } catch (Exception e) {
                answer.add("ok", false).add("error", message(e));
            }
        }
        try {
            Transport.Response response = http.send(
                    "POST",
                    "/api/commands/" + commandId + "/results/" + workerId,
                    answer.build(),
                    Map.of(),
                    Duration.ofSeconds(10),
                    Transport.Retry.IDEMPOTENT);
            if (!response.ok()) {
                LOG.log(
                        Level.WARNING,
                        "command {0}: answer refused: {1}",
                        commandId,
                        response.problem().getMessage());
            }
        } catch (BatonException e) {
            LOG.log(Level.WARNING, "command {0}: answer not sent: {1}", commandId, e.getMessage());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static ThreadFactory named(String prefix, boolean daemon) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(daemon);
            return thread;
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatonException("interrupted", e);
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static String defaultName() {
        String name = (localHost() + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9._:-]", "-");
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
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

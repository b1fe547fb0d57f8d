package dev.baton.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Baton in this JVM (com.sun.net.httpserver) that speaks the worker protocol, the tasks API and the
 * storage API closely enough for the SDK's unit tests, and records what it was sent.
 */
final class FakeBaton implements AutoCloseable {

    record Request(
            String method, String path, Map<String, String> query, JsonValue body, Map<String, String> headers) {}

    private static final Pattern WORKER = Pattern.compile("/api/workers/([^/]+)");
    private static final Pattern POLL = Pattern.compile("/api/workers/([^/]+)/poll");
    private static final Pattern HEARTBEAT = Pattern.compile("/api/workers/([^/]+)/heartbeat");
    private static final Pattern REPORT =
            Pattern.compile("/api/workers/([^/]+)/tasks/([^/]+)/(complete|fail|progress)");
    private static final Pattern COMMAND_RESULT = Pattern.compile("/api/commands/([^/]+)/results/([^/]+)");
    private static final Pattern TASK = Pattern.compile("/api/tasks/([^/]+)");
    private static final Pattern TASK_RESULT = Pattern.compile("/api/tasks/([^/]+)/result");
    private static final Pattern TASK_CANCEL = Pattern.compile("/api/tasks/([^/]+)/cancel");
    private static final Pattern STORAGE = Pattern.compile("/api/storage/(.+)");
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "ERROR", "CANCELLED");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String authorization;

    // every request, in order
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Answer 503 to the next n requests whose "METHOD path" starts with the key. */
    final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();

    // ---- workers
    volatile int heartbeatSeconds = 1;
    volatile int leaseSeconds = 3;
    /** Non-null: the status polls and heartbeats answer (drain), else IDLE/PROCESSING. */
    volatile String drainStatus;

    final List<JsonObject> registrations = new CopyOnWriteArrayList<>();
    final Set<String> knownWorkers = ConcurrentHashMap.newKeySet();
    final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    final List<Integer> pollMax = new CopyOnWriteArrayList<>();
    final Map<String, JsonObject> outstanding = new ConcurrentHashMap<>();
    final AtomicInteger maxOutstanding = new AtomicInteger();
    final Map<String, JsonObject> completed = new ConcurrentHashMap<>();
    final Map<String, JsonObject> failed = new ConcurrentHashMap<>();
    final List<JsonObject> progress = new CopyOnWriteArrayList<>();
    /** Tasks whose reports answer 409 lease-lost. */
    final Set<String> leaseLost = ConcurrentHashMap.newKeySet();

    final ConcurrentLinkedQueue<String> cancels = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<JsonObject> commands = new ConcurrentLinkedQueue<>();
    final Map<String, JsonObject> commandResults = new ConcurrentHashMap<>();
    final List<JsonObject> heartbeats = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    private final AtomicInteger workerIds = new AtomicInteger();
    private final AtomicInteger taskIds = new AtomicInteger();

    // ---- tasks API: handler "add" sums a and b, "boom" fails, "echo" echoes, anything else waits for finish()
    final Map<String, JsonObject> tasks = new ConcurrentHashMap<>();
    final List<JsonObject> submissions = new CopyOnWriteArrayList<>();
    private final Map<String, String> idempotencyKeys = new ConcurrentHashMap<>();

    // ---- storage
    record Stored(long version, JsonValue value) {}

    final Map<String, Stored> storage = Collections.synchronizedMap(new TreeMap<>());

    FakeBaton(String user, String password) throws IOException {
        authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A task for workers to poll. */
    JsonObject enqueue(String handler, JsonValue params) {
        return enqueue(handler, params, 0);
    }

    JsonObject enqueue(String handler, JsonValue params, int timeoutSeconds) {
        String id = "t-" + taskIds.incrementAndGet();
        JsonObject task = Json.createObjectBuilder()
                .add("id", id)
                .add("name", "task " + id)
                .add("handler", handler)
                .add("params", params)
                .add("try", 2)
                .add("priority", 50)
                .add("timeoutSeconds", timeoutSeconds)
                .add("lease", "7")
                .build();
        queue.add(task);
        return task;
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    /** Ends a task of the tasks API that waits for it. */
    void finish(String id, String status, JsonValue result, String error) {
        synchronized (tasks) {
            JsonObject task = tasks.get(id);
            tasks.put(id, with(task, status, result, error));
            tasks.notifyAll();
        }
    }

    // ---- dispatch -------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            JsonValue body = body(exchange.getRequestBody());
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Request request = new Request(method, path, query, body, headers);
            requests.add(request);
            for (Map.Entry<String, AtomicInteger> entry : unavailable.entrySet()) {
                if ((method + " " + path).startsWith(entry.getKey())
                        && entry.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    problem(exchange, 503, "unavailable", "try again");
                    return;
                }
            }
            if (!authorization.equals(headers.get("authorization"))) {
                problem(exchange, 401, "unauthorized", "credentials required");
                return;
            }
            route(exchange, request);
        } catch (RuntimeException | InterruptedException e) {
            e.printStackTrace();
            send(exchange, 500, "text/plain", "fake failed: " + e);
        }
    }

    private void route(HttpExchange exchange, Request request) throws IOException, InterruptedException {
        String method = request.method();
        String path = request.path();
        Matcher m;
        if (method.equals("POST") && path.equals("/api/workers")) {
            register(exchange, request.body().asJsonObject());
        } else if (method.equals("POST") && (m = POLL.matcher(path)).matches()) {
            poll(exchange, m.group(1), request.query());
        } else if (method.equals("POST") && (m = HEARTBEAT.matcher(path)).matches()) {
            heartbeat(exchange, m.group(1), request.body());
        } else if (method.equals("POST") && (m = REPORT.matcher(path)).matches()) {
            report(exchange, m.group(1), m.group(2), m.group(3), request.body().asJsonObject());
        } else if (method.equals("POST") && (m = COMMAND_RESULT.matcher(path)).matches()) {
            commandResults.put(m.group(1), request.body().asJsonObject());
            json(exchange, 200, Json.createObjectBuilder().add("ok", true).build(), Map.of());
        } else if (method.equals("DELETE") && (m = WORKER.matcher(path)).matches()) {
            deleted.add(m.group(1));
            knownWorkers.remove(m.group(1));
            send(exchange, 204, null, null);
        } else if (method.equals("POST") && path.equals("/api/tasks")) {
            submit(exchange, request);
        } else if (method.equals("GET") && (m = TASK_RESULT.matcher(path)).matches()) {
            result(exchange, m.group(1), request.query());
        } else if (method.equals("POST") && (m = TASK_CANCEL.matcher(path)).matches()) {
            cancel(exchange, m.group(1));
        } else if (method.equals("GET") && (m = TASK.matcher(path)).matches()) {
            JsonObject task = tasks.get(m.group(1));
            if (task == null) {
                problem(exchange, 404, "not-found", "no task " + m.group(1));
            } else {
                json(exchange, 200, task, Map.of());
            }
        } else if ((m = STORAGE.matcher(path)).matches()) {
            storage(exchange, request, URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        } else {
            problem(exchange, 404, "not-found", "no such path " + path);
        }
    }

    // ---- workers ------------------------------------------------------------------------------------

    private void register(HttpExchange exchange, JsonObject body) throws IOException {
        registrations.add(body);
        String id = "w-" + workerIds.incrementAndGet();
        knownWorkers.add(id);
        JsonObject worker = Json.createObjectBuilder(body)
                .add("id", id)
                .add("status", "IDLE")
                .add("heartbeatSeconds", heartbeatSeconds)
                .add("leaseSeconds", leaseSeconds)
                .build();
        json(exchange, 201, worker, Map.of("Location", "/api/workers/" + id));
    }

    private void poll(HttpExchange exchange, String worker, Map<String, String> query)
            throws IOException, InterruptedException {
        if (!knownWorkers.contains(worker)) {
            problem(exchange, 404, "not-found", "no worker " + worker);
            return;
        }
        int max = Integer.parseInt(query.getOrDefault("max", "1"));
        int wait = Integer.parseInt(query.getOrDefault("wait", "30"));
        pollMax.add(max);
        JsonArrayBuilder handed = Json.createArrayBuilder();
        if (drainStatus == null) {
            JsonObject first = queue.poll(wait, TimeUnit.SECONDS);
            List<JsonObject> taken = new ArrayList<>();
            if (first != null) {
                taken.add(first);
                queue.drainTo(taken, max - 1);
            }
            for (JsonObject task : taken) {
                outstanding.put(task.getString("id"), task);
                handed.add(task);
            }
            maxOutstanding.accumulateAndGet(outstanding.size(), Math::max);
        }
        json(
                exchange,
                200,
                Json.createObjectBuilder()
                        .add("status", status())
                        .add("tasks", handed)
                        .build(),
                Map.of());
    }

    private String status() {
        return drainStatus != null ? drainStatus : outstanding.isEmpty() ? "IDLE" : "PROCESSING";
    }

    private void heartbeat(HttpExchange exchange, String worker, JsonValue body) throws IOException {
        if (!knownWorkers.contains(worker)) {
            problem(exchange, 404, "not-found", "no worker " + worker);
            return;
        }
        heartbeats.add(body.asJsonObject());
        JsonArrayBuilder cancel = Json.createArrayBuilder();
        for (String id; (id = cancels.poll()) != null; ) {
            cancel.add(id);
        }
        JsonArrayBuilder pending = Json.createArrayBuilder();
        for (JsonObject command; (command = commands.poll()) != null; ) {
            pending.add(command);
        }
        json(
                exchange,
                200,
                Json.createObjectBuilder()
                        .add("status", status())
                        .add("cancel", cancel)
                        .add("commands", pending)
                        .build(),
                Map.of());
    }

    private void report(HttpExchange exchange, String worker, String task, String kind, JsonObject body)
            throws IOException {
        if (leaseLost.contains(task) || !outstanding.containsKey(task)) {
            problem(exchange, 409, "lease-lost", "task " + task + " is not RUNNING on worker " + worker);
            return;
        }
        switch (kind) {
            case "complete" -> {
                outstanding.remove(task);
                completed.put(task, body);
            }
            case "fail" -> {
                outstanding.remove(task);
                failed.put(task, body);
            }
            default -> progress.add(
                    Json.createObjectBuilder(body).add("task", task).build());
        }
        json(
                exchange,
                200,
                Json.createObjectBuilder()
                        .add("id", task)
                        .add("status", kind.equals("progress") ? "RUNNING" : "SUCCEEDED")
                        .build(),
                Map.of());
    }

    // ---- tasks API ---------------------------------------------------------------------------------

    private void submit(HttpExchange exchange, Request request) throws IOException, InterruptedException {
        JsonObject body = request.body().asJsonObject();
        submissions.add(body);
        String handler = body.getString("handler", "");
        if (handler.equals("unknown")) {
            JsonObject problem = Json.createObjectBuilder()
                    .add("type", "https://baton.dev/problems/unknown-handler")
                    .add("title", "Unknown handler")
                    .add("status", 400)
                    .add("detail", "handler 'unknown' is not registered")
                    .add("knownHandlers", Json.createArrayBuilder().add("add").add("echo"))
                    .build();
            json(exchange, 400, problem, Map.of(), "application/problem+json");
            return;
        }
        String key = body.getString("idempotencyKey", null);
        if (key != null && idempotencyKeys.containsKey(key)) {
            json(exchange, 200, tasks.get(idempotencyKeys.get(key)), Map.of());
            return;
        }
        String id = "task-" + taskIds.incrementAndGet();
        JsonObject params = body.get("params") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject task = Json.createObjectBuilder()
                .add("id", id)
                .add("handler", handler)
                .add("params", body.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT))
                .add("status", "QUEUED")
                .add("result", JsonValue.NULL)
                .add("error", JsonValue.NULL)
                .build();
        task = switch (handler) {
            case "add" -> with(task, "SUCCEEDED", Json.createValue(params.getInt("a") + params.getInt("b")), null);
            case "echo" -> with(task, "SUCCEEDED", task.get("params"), null);
            case "boom" -> with(task, "ERROR", JsonValue.NULL, "boom");
            default -> task;
        };
        tasks.put(id, task);
        if (key != null) {
            idempotencyKeys.put(key, id);
        }
        String wait = request.query().get("wait");
        if (wait != null) {
            task = awaitTerminal(id, Integer.parseInt(wait));
            json(exchange, TERMINAL.contains(task.getString("status")) ? 200 : 202, task, Map.of());
        } else {
            json(exchange, 202, task, Map.of("Location", "/api/tasks/" + id));
        }
    }

    private void result(HttpExchange exchange, String id, Map<String, String> query)
            throws IOException, InterruptedException {
        if (!tasks.containsKey(id)) {
            problem(exchange, 404, "not-found", "no task " + id);
            return;
        }
        JsonObject task = awaitTerminal(id, Integer.parseInt(query.getOrDefault("wait", "0")));
        JsonObject result = Json.createObjectBuilder()
                .add("id", id)
                .add("status", task.getString("status"))
                .add("result", task.get("result"))
                .add("error", task.get("error"))
                .build();
        json(exchange, TERMINAL.contains(task.getString("status")) ? 200 : 202, result, Map.of());
    }

    private JsonObject awaitTerminal(String id, int waitSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        synchronized (tasks) {
            while (true) {
                JsonObject task = tasks.get(id);
                long left = deadline - System.nanoTime();
                if (TERMINAL.contains(task.getString("status")) || left <= 0) {
                    return task;
                }
                TimeUnit.NANOSECONDS.timedWait(tasks, left);
            }
        }
    }

    private void cancel(HttpExchange exchange, String id) throws IOException {
        JsonObject task = tasks.get(id);
        if (task == null) {
            problem(exchange, 404, "not-found", "no task " + id);
        } else if (TERMINAL.contains(task.getString("status"))) {
            problem(exchange, 409, "conflict", "task " + id + " is " + task.getString("status"));
        } else {
            finish(id, "CANCELLED", JsonValue.NULL, "cancelled by baton");
            json(exchange, 200, tasks.get(id), Map.of());
        }
    }

    private static JsonObject with(JsonObject task, String status, JsonValue result, String error) {
        JsonObjectBuilder builder =
                Json.createObjectBuilder(task).add("status", status).add("result", result);
        return (error == null ? builder.add("error", JsonValue.NULL) : builder.add("error", error)).build();
    }

    // ---- storage ----------------------------------------------------------------------------------

    private void storage(HttpExchange exchange, Request request, String path) throws IOException {
        synchronized (storage) {
            Stored stored = storage.get(path);
            String ifMatch = request.headers().get("if-match");
            String ifNoneMatch = request.headers().get("if-none-match");
            switch (request.method()) {
                case "GET" -> {
                    if (stored != null) {
                        // the value itself, its version as the ETag (as Baton's StorageResource answers)
                        json(exchange, 200, stored.value(), Map.of("ETag", "\"" + stored.version() + "\""));
                        return;
                    }
                    JsonObjectBuilder tree = Json.createObjectBuilder();
                    boolean any = false;
                    for (Map.Entry<String, Stored> entry : storage.entrySet()) {
                        if (entry.getKey().startsWith(path + ".")) {
                            // one level is enough for the tests
                            tree.add(
                                    entry.getKey().substring(path.length() + 1),
                                    entry.getValue().value());
                            any = true;
                        }
                    }
                    if (any) {
                        json(exchange, 200, tree.build(), Map.of());
                    } else {
                        problem(exchange, 404, "not-found", "nothing at " + path);
                    }
                }
                case "PUT" -> {
                    if (ifNoneMatch != null && stored != null
                            || ifMatch != null && (stored == null || !ifMatch.equals("\"" + stored.version() + "\""))) {
                        problem(exchange, 412, "precondition-failed", "version mismatch at " + path);
                        return;
                    }
                    Stored next = new Stored(stored == null ? 1 : stored.version() + 1, request.body());
                    storage.put(path, next);
                    json(
                            exchange,
                            stored == null ? 201 : 200,
                            envelope(path, next),
                            Map.of("ETag", "\"" + next.version() + "\""));
                }
                case "DELETE" -> {
                    if (stored == null) {
                        problem(exchange, 404, "not-found", "nothing at " + path);
                    } else if (ifMatch != null && !ifMatch.equals("\"" + stored.version() + "\"")) {
                        problem(exchange, 412, "precondition-failed", "version mismatch at " + path);
                    } else {
                        storage.remove(path);
                        send(exchange, 204, null, null);
                    }
                }
                default -> problem(exchange, 405, "method-not-allowed", request.method());
            }
        }
    }

    private static JsonObject envelope(String path, Stored stored) {
        return Json.createObjectBuilder()
                .add("path", path)
                .add("version", stored.version())
                .add("value", stored.value())
                .build();
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static JsonValue body(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return text.isBlank() ? JsonValue.NULL : JsonCodec.parse(text);
    }

    private static void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        JsonObject problem = Json.createObjectBuilder()
                .add("type", "https://baton.dev/problems/" + type)
                .add("title", type)
                .add("status", status)
                .add("detail", detail)
                .build();
        json(exchange, status, problem, Map.of(), "application/problem+json");
    }

    private static void json(HttpExchange exchange, int status, JsonValue body, Map<String, String> headers)
            throws IOException {
        json(exchange, status, body, headers, "application/json");
    }

    private static void json(
            HttpExchange exchange, int status, JsonValue body, Map<String, String> headers, String type)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        send(exchange, status, type, body.toString());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

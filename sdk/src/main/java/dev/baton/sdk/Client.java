package dev.baton.sdk;

import jakarta.jms.ConnectionFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Submits tasks to Baton and awaits their results (Orchestra's Client).
 *
 * <pre>{@code
 * try (Client baton = Client.builder().url("http://localhost:8080").credentials("submitter", "submitter").build()) {
 *     int sum = baton.play("add.js", Map.of("a", 1, "b", 2), Integer.class);   // submit and wait
 *     TaskHandle job = baton.queue("resize", new Resize("a.png", 64), TaskOptions.defaults().priority(80));
 *     Thumbnail thumb = baton.result(job, Duration.ofMinutes(5), Thumbnail.class);
 * }
 * }</pre>
 *
 * <p>A task that ends {@code ERROR} or {@code CANCELLED} throws {@link TaskFailedException}; an HTTP error
 * answer {@link BatonProblemException}; a wait that runs out {@link WaitTimeoutException}. Params and
 * results are JSON-P values or anything JSON-B maps (records, maps, lists, strings, numbers).
 *
 * <p>With {@link Builder#jms} submissions go over JMS instead ({@code play}, {@code queue} and
 * {@code result} of those handles); the REST URL is then optional and serves {@code cancel},
 * {@code task} and {@link #storage()}.
 */
public final class Client implements AutoCloseable {

    private final RestTasks rest;
    private final JmsSubmissions jms;

    private Client(Builder builder) {
        this.rest = builder.url == null
                ? null
                : new RestTasks(new Transport(
                        builder.url, builder.user, builder.password, builder.httpClient, builder.backoff));
        this.jms = builder.jmsFactory == null
                ? null
                : new JmsSubmissions(builder.jmsFactory, builder.jmsQueue, builder.user, builder.password);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- play: submit and wait ----------------------------------------------------------------------

    /** Runs {@code handler} with {@code params} and waits for its result (as JSON). */
    public JsonValue play(String handler, Object params) {
        return play(handler, params, TaskOptions.defaults(), JsonValue.class);
    }

    /** Runs {@code handler} with {@code params} and waits for its result, read as {@code type}. */
    public <T> T play(String handler, Object params, Class<T> type) {
        return play(handler, params, TaskOptions.defaults(), type);
    }

    /** Runs {@code handler} with {@code params} and {@code options}, and waits (without limit) for its result. */
    public <T> T play(String handler, Object params, TaskOptions options, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (jms != null) {
            return result(queue(handler, params, options), null, type);
        }
        boolean idempotent = options.idempotencyKey() != null;
        return rest().play(submission(handler, params, options), idempotent, type);
    }

    // ---- queue: submit ------------------------------------------------------------------------------

    /** Submits a task and returns at once (the task is durable). */
    public TaskHandle queue(String handler, Object params) {
        return queue(handler, params, TaskOptions.defaults());
    }

    /** Submits a task with {@code options} and returns at once. */
    public TaskHandle queue(String handler, Object params, TaskOptions options) {
        Objects.requireNonNull(options, "options");
        if (jms != null) {
            String correlationId = "baton-sdk-" + UUID.randomUUID();
            return TaskHandle.jms(correlationId, jms.submit(submission(handler, params, options), correlationId, null));
        }
        boolean idempotent = options.idempotencyKey() != null;
        return TaskHandle.rest(rest().submit(submission(handler, params, options), idempotent));
    }

    private static JsonObject submission(String handler, Object params, TaskOptions options) {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("a handler name is required");
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("handler", handler);
        if (params != null) {
            body.add("params", JsonCodec.toJson(params));
        }
        options.addTo(body);
        return body.build();
    }

    // ---- result: wait -------------------------------------------------------------------------------

    /** Waits (without limit) for the task's result, as JSON. */
    public JsonValue result(TaskHandle handle) {
        return result(handle, null, JsonValue.class);
    }

    /** Waits (without limit) for the task's result, read as {@code type}. */
    public <T> T result(TaskHandle handle, Class<T> type) {
        return result(handle, null, type);
    }

    /**
     * Waits up to {@code timeout} (null: without limit) for the task's result, read as {@code type}.
     *
     * @throws TaskFailedException when the task ended ERROR or CANCELLED
     * @throws WaitTimeoutException when it had not ended in time
     */
    public <T> T result(TaskHandle handle, Duration timeout, Class<T> type) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(type, "type");
        Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
        if (handle.viaJms()) {
            JsonObject task = handle.awaitReply(deadline);
            if (TaskOutcome.ended(task)) {
                return TaskOutcome.of(task, type);
            }
            // a repeated idempotency key answers the original task at once, maybe still running
            if (rest == null) {
                throw new BatonException(
                        "task " + JsonCodec.text(task, "id") + " is still " + JsonCodec.text(task, "status")
                                + " (a repeated idempotency key): configure the url to await it");
            }
        }
        return rest().result(handle.id(), deadline, timeout, type);
    }

    // ---- the task itself ----------------------------------------------------------------------------

    /** The task as {@code GET /api/tasks/{id}} shows it (status, tries, attempts, progress, …). */
    public JsonObject task(TaskHandle handle) {
        return rest().task(idOf(handle));
    }

    /** Cancels the task; answers it (CANCELLED). A finished task is a {@code 409} {@link BatonProblemException}. */
    public JsonObject cancel(TaskHandle handle) {
        return rest().cancel(idOf(handle));
    }

    /** The shared storage of this Baton server. */
    public Storage storage() {
        return new Storage(rest().http());
    }

    /** Closes the JMS connection (if any); pending JMS results fail. */
    @Override
    public void close() {
        if (jms != null) {
            jms.close();
        }
    }

    private static String idOf(TaskHandle handle) {
        String id = Objects.requireNonNull(handle, "handle").id();
        if (id == null) {
            throw new IllegalStateException("the JMS submission " + handle.correlationId()
                    + " has no task id yet (Baton replies when the task ends)");
        }
        return id;
    }

    private RestTasks rest() {
        if (rest == null) {
            throw new IllegalStateException("this client has no REST url (Client.builder().url(...))");
        }
        return rest;
    }

    /** Configures a {@link Client}. */
    public static final class Builder {

        private String url;
        private String user;
        private String password;
        private HttpClient httpClient;
        private Backoff backoff = Backoff.DEFAULT;
        private ConnectionFactory jmsFactory;
        private String jmsQueue;

        private Builder() {}

        /** Baton's base URL, e.g. {@code http://localhost:8080}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** A user with role {@code submitter} or {@code admin} (REST BASIC credentials and the JMS connection). */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** A configured HTTP client (proxy, TLS); default HTTP/1.1 with a 5 s connect timeout. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** The pauses between retries of transient failures: exponential from {@code initial} up to {@code max}. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.backoff = new Backoff(initial, max);
            return this;
        }

        /**
         * Submits over JMS instead of REST: to {@code queueName} of {@code factory}'s broker, replies on a
         * temporary queue. With the plain Artemis client the queue is the address
         * {@code jms.queue.baton.submit}; with {@code enable1xPrefixes=true} it is {@code baton.submit}
         * (see docs/jms.md). Needs {@code jakarta.jms-api} and a JMS client on the class path.
         */
        public Builder jms(ConnectionFactory factory, String queueName) {
            this.jmsFactory = Objects.requireNonNull(factory, "factory");
            this.jmsQueue = Objects.requireNonNull(queueName, "queueName");
            return this;
        }

        public Client build() {
            if (url == null && jmsFactory == null) {
                throw new IllegalStateException("a client needs the Baton url (or a JMS connection factory)");
            }
            return new Client(this);
        }
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;

/**
 * "Nothing accepted is lost": tasks accepted with 2xx survive a kill -9 of the server at a moment
 * when some run, some wait in the queue and a split waits for its children. After the restart every
 * task completes exactly once, interrupted attempts are recorded, and the split's batch job is
 * restarted without duplicating children. Shared by {@link CrashRecoveryIT} (H2) and
 * {@link PostgresqlCrashRecoveryIT}, which differ only in the server they hand in.
 */
final class CrashRecoveryScenario {

    private static final int SLEEPERS = 24;
    private static final int NOOPS = 200;
    private static final int CHILDREN = 200;

    private CrashRecoveryScenario() {}

    /**
     * Starts {@code server} (not yet started), runs the scenario with its kill -9 and restart, and
     * returns the ids of every task it created (children included), all SUCCEEDED; the server still runs.
     */
    static Set<String> run(ServerProcess server) throws Exception {
        return run(server, List::of);
    }

    /**
     * {@link #run(ServerProcess)}, calling {@code whileDown} between the kill and the restart; the tasks
     * whose ids it returns must complete exactly once too.
     */
    static Set<String> run(ServerProcess server, Callable<List<String>> whileDown) throws Exception {
        server.start();
        Api api = Api.adminAt(server.baseUrl());

        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < SLEEPERS; i++) {
            tasks.add(accepted(api.post("/api/tasks", "{\"handler\":\"sleep\",\"params\":{\"ms\":1500}}")));
        }
        tasks.addAll(submitConcurrently(api, NOOPS));
        // Children run "sleep" for 1 s each, 16 at a time: the split waits for several seconds.
        String parent = accepted(api.post(
                "/api/tasks",
                "{\"handler\":\"split\",\"name\":\"crash-split\",\"params\":{\"count\":" + CHILDREN
                        + ",\"handler\":\"sleep\"}}"));

        // Kill while the split waits with part of its children done and sleepers are running.
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonObject p = api.get("/api/tasks/" + parent).json();
                    return "WAITING".equals(p.getString("status")) && p.getInt("childrenCompleted") > 0;
                });
        JsonObject before = api.get("/api/tasks/" + parent).json();
        assertThat(before.getInt("childrenCompleted")).isLessThan(CHILDREN);
        long executionBefore = before.getJsonNumber("batchExecutionId").longValue();
        server.kill9();
        tasks.addAll(whileDown.call());

        server.start();

        tasks.add(parent);
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> tasks.stream().allMatch(id -> "SUCCEEDED".equals(status(api, id))));
        int interrupted = 0;
        for (String id : tasks) {
            JsonObject task = api.get("/api/tasks/" + id).json();
            assertThat(succeededAttempts(task))
                    .as("task %s completes exactly once", id)
                    .isLessThanOrEqualTo(1);
            interrupted += count(task.getJsonArray("attempts"), "INTERRUPTED");
        }
        JsonObject split = api.get("/api/tasks/" + parent).json();
        assertThat(split.getJsonObject("result").getInt("children")).isEqualTo(CHILDREN);
        assertThat(split.getJsonObject("result").getInt("succeeded")).isEqualTo(CHILDREN);
        assertThat(split.getJsonNumber("batchExecutionId").longValue())
                .as("the split's job was restarted as a new execution")
                .isNotEqualTo(executionBefore);
        JsonArray children =
                api.get("/api/tasks?parent=" + parent + "&limit=1000").json().getJsonArray("items");
        assertThat(children).hasSize(CHILDREN);
        Set<String> all = new HashSet<>(tasks);
        for (JsonValue child : children) {
            all.add(child.asJsonObject().getString("id"));
            JsonObject c = api.get("/api/tasks/" + child.asJsonObject().getString("id"))
                    .json();
            assertThat(c.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(succeededAttempts(c)).isEqualTo(1);
            interrupted += count(c.getJsonArray("attempts"), "INTERRUPTED");
        }
        assertThat(interrupted)
                .as("attempts running at the kill are recorded as interrupted")
                .isPositive();
        return all;
    }

    /**
     * Writes tasks as a kill -9 leaves those it interrupts between a REST submission's commit and the
     * send of their first dispatch: QUEUED rows that the killed node owes a first dispatch, with no
     * message in the broker. Call it while the server is down: its start-up recovery must dispatch them.
     * Returns their ids.
     */
    static List<String> leaveFirstDispatchesUnsent(Connection db) throws SQLException {
        String node;
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT node FROM baton_task WHERE node IS NOT NULL AND worker IS NULL LIMIT 1")) {
            assertThat(rs.next()).as("a task that ran on the killed node").isTrue();
            node = rs.getString(1);
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO baton_task (id, handler, status,"
                + " priority, effective_priority, params, tries, max_tries, timeout_seconds, submit_time,"
                + " queued_time, submitted_by, children_total, children_completed, dispatch_seq, version,"
                + " first_dispatch_node) VALUES (?, 'echo', 'QUEUED', 50, 50, ?, 0, 10, 60, ?, ?, 'admin',"
                + " 0, 0, 1, 1, ?)")) {
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                long now = System.currentTimeMillis();
                insert.setString(1, id);
                insert.setString(2, "{\"gap\":" + i + "}");
                insert.setLong(3, now);
                insert.setLong(4, now);
                insert.setString(5, node);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    private static List<String> submitConcurrently(Api api, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> accepted(api.post("/api/tasks", "{\"handler\":\"noop\"}"))));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String accepted(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        return reply.json().getString("id");
    }

    private static String status(Api api, String id) {
        return api.get("/api/tasks/" + id).json().getString("status");
    }

    private static int succeededAttempts(JsonObject task) {
        return count(task.getJsonArray("attempts"), "SUCCEEDED");
    }

    private static int count(JsonArray attempts, String outcome) {
        int n = 0;
        for (JsonValue a : attempts) {
            JsonValue o = a.asJsonObject().get("outcome");
            if (o != null
                    && o.getValueType() == JsonValue.ValueType.STRING
                    && outcome.equals(a.asJsonObject().getString("outcome"))) {
                n++;
            }
        }
        return n;
    }
}

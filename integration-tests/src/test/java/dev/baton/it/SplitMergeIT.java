package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of split/merge: a parent splits into children, WAITs for them, and merges their outcomes
 * (the built-in "split" handler sums the children's values; wordcount.js counts lines and words);
 * failing children fail the merge; cancelling a waiting parent cancels its children; 10,000 children
 * complete.
 */
@ExtendWith(ArquillianExtension.class)
class SplitMergeIT {

    private static final Logger LOG = Logger.getLogger(SplitMergeIT.class.getName());
    private static final Duration MAX = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final TaskClient tasks = TaskClient.admin();

    @Test
    void aSplitMergesTheResultsOfItsChildren() {
        String id = tasks.submit("{\"handler\":\"split\",\"params\":{\"count\":5}}");

        JsonObject parent = tasks.awaitStatus(id, "SUCCEEDED", MAX);

        assertThat(parent.getJsonObject("result")).isEqualTo(merged(5, 5, 0, 10));
        assertThat(parent.getInt("childrenTotal")).isEqualTo(5);
        assertThat(parent.getInt("childrenCompleted")).isEqualTo(5);
        assertThat(parent.getJsonNumber("batchExecutionId").longValue()).isPositive();
        assertThat(parent.getJsonArray("attempts")).hasSize(1);
        assertThat(parent.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("SPLIT");
        List<JsonObject> children = tasks.children(id);
        assertThat(children).hasSize(5);
        assertThat(children).allSatisfy(child -> {
            assertThat(child.getString("parentId")).isEqualTo(id);
            assertThat(child.getString("handler")).isEqualTo("echo");
            assertThat(child.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(child.getJsonObject("result").getInt("value")).isEqualTo(child.getInt("childIndex"));
        });
        assertThat(children.stream().map(c -> c.getInt("childIndex"))).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void theParentWaitsWhileItsChildrenRun() {
        // "sleep" children take a second each: long enough to see the parent WAITING.
        String id = tasks.submit("{\"handler\":\"split\",\"params\":{\"count\":3,\"handler\":\"sleep\"}}");

        JsonObject waiting = tasks.awaitTask(
                id, MAX, t -> "WAITING".equals(TaskClient.status(t)) && t.containsKey("batchExecutionId"));

        assertThat(waiting.getInt("childrenTotal")).isEqualTo(3);
        assertThat(waiting.getInt("childrenCompleted")).isLessThan(3);
        JsonObject parent = tasks.awaitStatus(id, "SUCCEEDED", MAX);
        assertThat(parent.getJsonObject("result")).isEqualTo(merged(3, 3, 0, 0));
        assertThat(parent.getInt("childrenCompleted")).isEqualTo(3);
    }

    @Test
    void wordcountSplitsATextIntoLinesAndMergesTheirWordCounts() {
        String text = "the quick brown fox\\njumps over the lazy dog\\n\\n   hello   world  \\n";
        String id = tasks.submit("{\"handler\":\"wordcount.js\",\"params\":{\"text\":\"" + text + "\"}}");

        JsonObject parent = tasks.awaitStatus(id, "SUCCEEDED", MAX);

        assertThat(parent.getJsonObject("result").getInt("lines")).isEqualTo(3);
        assertThat(parent.getJsonObject("result").getInt("words")).isEqualTo(11);
        List<JsonObject> children = tasks.children(id);
        assertThat(children).hasSize(3).allSatisfy(c -> assertThat(c.getString("handler"))
                .isEqualTo("count-words.js"));
    }

    @Test
    void failingChildrenFailTheMerge() {
        String id =
                tasks.submit("{\"handler\":\"split\",\"params\":{\"count\":3,\"handler\":\"fail\"},\"maxTries\":1}");

        JsonObject parent = tasks.awaitStatus(id, "ERROR", MAX);

        assertThat(parent.getString("error")).isEqualTo("merge failed: 3 of 3 children did not succeed");
        assertThat(parent.get("result")).isEqualTo(JsonValue.NULL);
        assertThat(tasks.children(id)).hasSize(3).allSatisfy(c -> assertThat(c.getString("status"))
                .isEqualTo("ERROR"));
    }

    @Test
    void aSplitThatAllowsFailuresCountsThem() {
        String id = tasks.submit("{\"handler\":\"split\",\"params\":{\"count\":3,\"handler\":\"fail\","
                + "\"allowFailures\":true},\"maxTries\":1}");

        JsonObject parent = tasks.awaitStatus(id, "SUCCEEDED", MAX);

        assertThat(parent.getJsonObject("result")).isEqualTo(merged(3, 0, 3, 0));
    }

    @Test
    void cancellingAWaitingParentCancelsItsChildrenAndKillsTheirScripts() {
        // hang.sh children never finish by themselves.
        String id = tasks.submit(
                "{\"handler\":\"split\",\"params\":{\"count\":3,\"handler\":\"hang.sh\"},\"timeoutSeconds\":300}");
        try {
            cancelWaitingParent(id);
        } finally {
            tasks.cancelIfUnfinished(id);
        }
    }

    private void cancelWaitingParent(String id) {
        tasks.awaitStatus(id, "WAITING", MAX);
        Awaitility.await("three running hang.sh children")
                .atMost(MAX)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> tasks.children(id).stream()
                                .filter(c -> "RUNNING".equals(c.getString("status")))
                                .count()
                        == 3);
        Awaitility.await("three hang.sh processes")
                .atMost(MAX)
                .until(() -> TestWorkspace.processesRunning("hang.sh").size() >= 3);

        Api.Reply cancel = tasks.api().post("/api/tasks/" + id + "/cancel", "");

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().getString("status")).isEqualTo("CANCELLED");
        List<JsonObject> children = tasks.children(id);
        assertThat(children).hasSize(3).allSatisfy(c -> {
            JsonObject child = tasks.get(c.getString("id"));
            assertThat(child.getString("status")).isEqualTo("CANCELLED");
            assertThat(child.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                    .isEqualTo("CANCELLED");
        });
        Awaitility.await("no hang.sh process left")
                .atMost(Duration.ofSeconds(15))
                .until(() -> TestWorkspace.processesRunning("hang.sh").isEmpty());
        assertThat(tasks.get(id).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void noChildStartsOnceTheCancelOfItsParentReturned() {
        // Thousands of children take seconds to create: the cancel lands while the split job creates them.
        String id = tasks.submit("{\"handler\":\"split\",\"params\":{\"count\":5000,\"handler\":\"noop\"}}");
        tasks.awaitStatus(id, "WAITING", MAX);

        Api.Reply cancel = tasks.api().post("/api/tasks/" + id + "/cancel", "");
        Instant cancelReturned = Instant.now();

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        AtomicInteger lastCount = new AtomicInteger(-1);
        List<JsonObject> children = Awaitility.await("the split job stopped creating children")
                .atMost(MAX)
                .during(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> tasks.children(id),
                        list -> list.stream().allMatch(TaskClient::isTerminal)
                                && list.size() == lastCount.getAndSet(list.size()));
        assertThat(children)
                .as("a child still waiting when its parent's cancel returned was cancelled, never started")
                .filteredOn(c -> !c.isNull("startTime"))
                .allSatisfy(
                        c -> assertThat(Instant.parse(c.getString("startTime"))).isBefore(cancelReturned));
        assertThat(children)
                .filteredOn(c -> !"CANCELLED".equals(c.getString("status")))
                .as("children that ran before the cancel")
                .hasSizeLessThan(5000);
        assertThat(tasks.get(id).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void tenThousandChildrenCompleteAndMerge() {
        int count = 10_000;
        long started = System.nanoTime();
        String id = tasks.submit("{\"handler\":\"split\",\"params\":{\"count\":" + count + "}}");

        JsonObject parent = tasks.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(5));

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        LOG.info(() -> count + " children split, ran and merged in " + seconds + " s");
        assertThat(parent.getJsonObject("result")).isEqualTo(merged(count, count, 0, (long) count * (count - 1) / 2));
        assertThat(parent.getInt("childrenTotal")).isEqualTo(count);
        assertThat(parent.getInt("childrenCompleted")).isEqualTo(count);
        List<JsonObject> children = tasks.children(id);
        assertThat(children).hasSize(count);
        assertThat(children.stream().map(c -> c.getInt("childIndex")).distinct())
                .hasSize(count);
        assertThat(children).allSatisfy(c -> assertThat(c.getString("status")).isEqualTo("SUCCEEDED"));
    }

    private static JsonObject merged(int children, int succeeded, int failed, long sum) {
        return Json.createObjectBuilder()
                .add("children", children)
                .add("succeeded", succeeded)
                .add("failed", failed)
                .add("sum", sum)
                .build();
    }
}

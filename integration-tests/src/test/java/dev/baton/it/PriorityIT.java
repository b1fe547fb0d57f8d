package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Priority under saturation: while every dispatch consumer is busy, 5,000 low-priority tasks queue up,
 * then 500 high-priority ones arrive. Once the consumers are free, the high-priority tasks must all start
 * before more than the consumers' in-flight window of low-priority ones does.
 */
@ExtendWith(ArquillianExtension.class)
class PriorityIT {

    private static final Logger LOG = Logger.getLogger(PriorityIT.class.getName());
    private static final int LOW = 5_000;
    private static final int HIGH = 500;
    private static final int SUBMITTERS = 8;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final TaskClient tasks = TaskClient.admin();

    @Test
    void highPriorityTasksOvertakeAQueueOfLowPriorityOnes() {
        tasks.awaitIdle(Duration.ofMinutes(2));
        int consumers = tasks.api()
                .get("/api/queues")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getInt("consumers");
        List<String> blockers = new ArrayList<>();
        try {
            occupy(consumers, blockers);
            saturatedRun(consumers, blockers);
        } finally {
            blockers.forEach(tasks::cancelIfUnfinished);
        }
    }

    private void saturatedRun(int consumers, List<String> blockers) {
        long submitStarted = System.nanoTime();
        List<String> low =
                tasks.submitAll(bodies(LOW, i -> "{\"handler\":\"noop\",\"priority\":" + (i % 10) + "}"), SUBMITTERS);
        List<String> high = tasks.submitAll(
                bodies(HIGH, i -> "{\"handler\":\"noop\",\"priority\":" + (90 + i % 11) + "}"), SUBMITTERS);
        long submitSeconds = Duration.ofNanos(System.nanoTime() - submitStarted).toSeconds();
        assertThat(blockers)
                .as("the consumers were busy the whole time the tasks were submitted")
                .allSatisfy(id -> assertThat(tasks.get(id).getString("status")).isEqualTo("RUNNING"));

        long drainStarted = System.nanoTime();
        blockers.forEach(id -> assertThat(
                        tasks.api().post("/api/tasks/" + id + "/cancel", "").status())
                .isEqualTo(200));
        tasks.awaitIdle(Duration.ofMinutes(5));
        long drainSeconds = Duration.ofNanos(System.nanoTime() - drainStarted).toSeconds();
        LOG.info(() ->
                "submitted " + (LOW + HIGH) + " tasks in " + submitSeconds + " s, ran them in " + drainSeconds + " s");

        Map<String, JsonObject> byId = noopTasks(low, high);
        List<JsonObject> lowTasks = low.stream().map(byId::get).toList();
        List<JsonObject> highTasks = high.stream().map(byId::get).toList();
        assertThat(lowTasks).allSatisfy(t -> assertThat(t.getString("status")).isEqualTo("SUCCEEDED"));
        assertThat(highTasks).allSatisfy(t -> assertThat(t.getString("status")).isEqualTo("SUCCEEDED"));
        Instant firstHighSubmitted = highTasks.stream()
                .map(t -> time(t, "submitTime"))
                .min(Instant::compareTo)
                .orElseThrow();
        Instant lastHighStarted = highTasks.stream()
                .map(t -> time(t, "startTime"))
                .max(Instant::compareTo)
                .orElseThrow();
        long lowOvertaking = lowTasks.stream()
                .map(t -> time(t, "startTime"))
                .filter(start -> !start.isBefore(firstHighSubmitted) && start.isBefore(lastHighStarted))
                .count();
        LOG.info(() -> lowOvertaking + " low-priority tasks started between the first high-priority submit"
                + " and the last high-priority start");
        assertThat(lowOvertaking)
                .as(
                        "low-priority tasks started after the first high-priority submit, before the last"
                                + " high-priority start (in-flight window: %d consumers)",
                        consumers)
                .isLessThanOrEqualTo(consumers);
    }

    /** Starts one long "sleep" task per dispatch consumer and waits until all of them run. */
    private void occupy(int consumers, List<String> blockers) {
        for (int i = 0; i < consumers; i++) {
            blockers.add(tasks.submit(
                    "{\"handler\":\"sleep\",\"params\":{\"ms\":600000},\"timeoutSeconds\":900,\"priority\":100}"));
        }
        blockers.forEach(id -> tasks.awaitStatus(id, "RUNNING", Duration.ofSeconds(60)));
    }

    private static List<String> bodies(int count, java.util.function.IntFunction<String> body) {
        return IntStream.range(0, count).mapToObj(body).toList();
    }

    /** The listed noop tasks with the given ids (one list request per 1000 tasks). */
    private Map<String, JsonObject> noopTasks(List<String> low, List<String> high) {
        Set<String> wanted = new HashSet<>(low);
        wanted.addAll(high);
        Map<String, JsonObject> found = tasks.list("handler=noop").stream()
                .filter(t -> wanted.contains(t.getString("id")))
                .collect(Collectors.toMap(t -> t.getString("id"), Function.identity()));
        assertThat(found).hasSize(wanted.size());
        return found;
    }

    private static Instant time(JsonObject task, String field) {
        return Instant.parse(task.getString(field));
    }
}

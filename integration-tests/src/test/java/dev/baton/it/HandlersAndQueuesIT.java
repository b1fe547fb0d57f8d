package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/handlers} (Java handlers and workspace scripts) and {@code GET /api/queues}. */
@ExtendWith(ArquillianExtension.class)
class HandlersAndQueuesIT {

    private static final List<String> STATUSES =
            List.of("QUEUED", "RUNNING", "WAITING", "COMPLETE", "SUCCEEDED", "ERROR", "CANCELLED");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();

    @Test
    void handlersListsJavaHandlersAndExecutableScriptsWithTheirKind() {
        Api.Reply reply = api.get("/api/handlers");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().getString("workspace")).isNotBlank();
        List<JsonObject> items = items(reply.json());
        Map<String, String> kinds =
                items.stream().collect(Collectors.toMap(h -> h.getString("name"), h -> h.getString("kind")));
        assertThat(kinds).as("names are unique").hasSize(items.size());
        assertThat(kinds)
                .containsEntry("noop", "java")
                .containsEntry("echo", "java")
                .containsEntry("sleep", "java")
                .containsEntry("fail", "java")
                .containsEntry("split", "java")
                .containsEntry("add.js", "script")
                .containsEntry("wordcount.js", "script")
                .containsEntry("fail.sh", "script")
                .doesNotContainKeys("not-executable.sh", "README.md");
        assertThat(items).allSatisfy(h -> assertThat(h.getString("description")).isNotBlank());
        assertThat(items)
                .extracting(h -> h.getString("kind"))
                .as("Java handlers first, then scripts, then remote ones")
                .isSortedAccordingTo(java.util.Comparator.comparing(List.of("java", "script", "remote")::indexOf));
    }

    @Test
    void theUnknownHandlerProblemOffersExactlyTheListedHandlers() {
        List<String> listed = items(api.get("/api/handlers").json()).stream()
                .map(h -> h.getString("name"))
                .toList();

        JsonObject problem = assertProblem(api.post(Tasks.BASE, "{\"handler\":\"" + Tasks.unique("none") + "\"}"), 400);

        assertThat(Problem.strings(problem, "knownHandlers")).containsExactlyElementsOf(listed);
    }

    @Test
    void queuesShowsBandsDepthTasksInFlightAndConsumers() {
        Tasks tasks = Tasks.of(api);
        String running = tasks.submitLongSleep();
        try {
            tasks.awaitStatus(running, "RUNNING");

            Api.Reply reply = api.get("/api/queues");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonObject queue = items(reply.json()).get(0);
            assertThat(queue.getString("name")).isEqualTo("baton.dispatch");
            assertThat(queue.getInt("consumers")).isPositive();
            assertThat(queue.getInt("inFlight")).isBetween(1, queue.getInt("consumers"));
            assertThat(queue.getInt("runningOnThisNode")).isPositive();
            JsonArray bands = queue.getJsonArray("bands");
            assertThat(bands).hasSize(10);
            long queuedInBands = 0;
            for (int i = 0; i < 10; i++) {
                JsonObject band = bands.getJsonObject(i);
                int number = 9 - i;
                assertThat(band.getInt("band")).isEqualTo(number);
                assertThat(band.getInt("priorityFrom")).isEqualTo(number * 10);
                assertThat(band.getInt("priorityTo")).isEqualTo(number == 9 ? 100 : number * 10 + 9);
                assertThat(band.getInt("queued")).isNotNegative();
                queuedInBands += band.getInt("queued");
            }
            assertThat(queue.getJsonNumber("queued").longValue()).isEqualTo(queuedInBands);
            JsonObject byStatus = queue.getJsonObject("tasksByStatus");
            assertThat(byStatus.keySet()).containsExactlyInAnyOrderElementsOf(STATUSES);
            assertThat(byStatus.getInt("RUNNING")).isPositive();
        } finally {
            tasks.cancelUnfinished(running);
        }
    }

    private static List<JsonObject> items(JsonObject list) {
        return list.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }
}

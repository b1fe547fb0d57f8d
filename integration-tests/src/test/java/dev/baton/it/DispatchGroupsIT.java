package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.tasks.boundary.SubmitResult;
import dev.baton.tasks.boundary.TaskService;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.control.TaskRequestParser;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of dispatch groups: tasks of an inline handler submitted together travel in one
 * message per JMS priority and run in one transaction. Each task must still run exactly once, stale
 * group messages must change nothing, and one task must never hold back or take down the others.
 */
@ExtendWith(ArquillianExtension.class)
class DispatchGroupsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(DispatchGroupsIT.class, TaskRows.class);
    }

    @EJB
    TaskService tasks;

    @EJB
    TaskRows rows;

    @Test
    void aBatchOfInlineTasksRunsEachTaskOnceAndADuplicateGroupChangesNothing() {
        List<TaskRequest> requests = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            requests.add(
                    i % 2 == 0
                            ? TaskRequestParser.parse(
                                    "{\"handler\":\"echo\",\"priority\":10,\"params\":{\"i\":" + i + "}}")
                            : TaskRequestParser.parse("{\"handler\":\"noop\",\"priority\":90}"));
        }
        requests.add(TaskRequestParser.parse("{\"handler\":\"sleep\",\"params\":{\"ms\":1}}"));

        List<String> ids = tasks.submitAll(requests, "it").stream()
                .map(SubmitResult::taskId)
                .toList();

        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            JsonObject done =
                    InContainer.await().until(() -> tasks.get(id), t -> "SUCCEEDED".equals(t.getString("status")));
            assertThat(done.getInt("tries")).as("task %d", i).isEqualTo(1);
            assertThat(done.getJsonArray("attempts")).as("task %d", i).hasSize(1);
            if (i < 250 && i % 2 == 0) {
                assertThat(done.getJsonObject("result").getInt("i")).isEqualTo(i);
            }
        }

        // the same dispatches again (a redelivered or duplicated group message): all stale
        rows.sendGroup(ids.subList(0, 250));
        InContainer.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> ids.subList(0, 250).stream()
                        .allMatch(id -> tasks.get(id).getJsonArray("attempts").size() == 1));
    }

    @Test
    void aTaskOfAnotherHandlerNamedInAGroupGetsADispatchOfItsOwn() {
        String sleeper = rows.undispatched("sleep", "{\"ms\":50}");
        String noop = rows.undispatched("noop", "null");

        rows.sendGroup(List.of(sleeper, noop));

        for (String id : List.of(sleeper, noop)) {
            JsonObject done =
                    InContainer.await().until(() -> tasks.get(id), t -> "SUCCEEDED".equals(t.getString("status")));
            assertThat(done.getJsonArray("attempts")).hasSize(1);
        }
    }

    @Test
    void tasksOfAGroupDoNotWaitForOnesThatAreNotReadableYet() {
        String noop = rows.undispatched("noop", "null");

        rows.sendGroup(List.of(UUID.randomUUID().toString(), noop));

        // a dispatch whose task is missing is retried for up to 10 s; the readable one runs at once
        InContainer.await().atMost(Duration.ofSeconds(5)).until(() -> tasks.get(noop), t -> "SUCCEEDED"
                .equals(t.getString("status")));
    }

    @Test
    void aTaskThatBreaksItsGroupsTransactionDoesNotHoldBackTheOthers() {
        String broken = rows.undispatched("echo", "{not json");
        List<String> good = List.of(
                rows.undispatched("echo", "{\"n\":1}"),
                rows.undispatched("echo", "{\"n\":2}"),
                rows.undispatched("echo", "{\"n\":3}"));
        List<String> group = new ArrayList<>(good);
        group.add(1, broken);
        try {
            rows.sendGroup(group);

            for (int n = 1; n <= 3; n++) {
                String id = good.get(n - 1);
                JsonObject done =
                        InContainer.await().until(() -> tasks.get(id), t -> "SUCCEEDED".equals(t.getString("status")));
                assertThat(done.getJsonObject("result").getInt("n")).isEqualTo(n);
                assertThat(done.getJsonArray("attempts")).hasSize(1);
            }
            assertThat(rows.status(broken))
                    .as("its dispatches keep failing and change nothing")
                    .isEqualTo("QUEUED");
        } finally {
            rows.deleteNeverRun(broken);
        }
    }
}

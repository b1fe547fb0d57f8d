package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.infrastructure.ids.Ids;
import dev.baton.tasks.boundary.TaskRecovery;
import dev.baton.tasks.boundary.TaskService;
import dev.baton.tasks.control.FirstDispatches;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequestParser;
import dev.baton.tasks.entity.Task;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A REST submission commits the task alone and sends its first dispatch right after the commit. These
 * tests stand in the gap a kill -9 can leave between the two: a task committed whose first dispatch was
 * never sent must run once the node's recovery dispatches it again, and a first dispatch that was sent
 * after all must not make the task run twice. {@link PostgresqlCrashRecoveryIT} crosses the same gap
 * with a real kill and restart.
 */
@ExtendWith(ArquillianExtension.class)
class FirstDispatchIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(FirstDispatchIT.class);
    }

    @EJB
    TaskService tasks;

    @EJB
    TaskLifecycle lifecycle;

    @EJB
    TaskRecovery recovery;

    @Inject
    FirstDispatches firstDispatches;

    @Test
    void aTaskCommittedWithoutItsFirstDispatchRunsOnceRecoveryDispatchesItAgain() {
        Task task = submitWithoutDispatch("{\"handler\":\"echo\",\"params\":{\"n\":7}}");
        String id = task.getId();
        assertThat(task.getFirstDispatchNode())
                .as("the node that owes the first dispatch")
                .isNotBlank();

        // committed, nothing sent: no consumer ever sees it
        InContainer.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> tasks.get(id).getString("status"), "QUEUED"::equals);

        assertThat(recovery.redispatchAwaitingFirstDispatch()).isPositive();

        JsonObject done =
                InContainer.await().until(() -> tasks.get(id), t -> "SUCCEEDED".equals(t.getString("status")));
        assertThat(done.getJsonObject("result").getInt("n")).isEqualTo(7);
        assertThat(done.getJsonArray("attempts")).hasSize(1);

        // it no longer awaits its first dispatch: recovery leaves it alone
        recovery.redispatchAwaitingFirstDispatch();
        InContainer.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> tasks.get(id).getJsonArray("attempts").size() == 1);
    }

    @Test
    void aFirstDispatchSentAndThenSentAgainByRecoveryRunsEachTaskOnce() {
        List<Task> submitted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            submitted.add(submitWithoutDispatch(
                    i % 2 == 0 ? "{\"handler\":\"noop\"}" : "{\"handler\":\"sleep\",\"params\":{\"ms\":20}}"));
        }

        firstDispatches.send(submitted);
        recovery.redispatchAwaitingFirstDispatch();

        assertThat(firstDispatches.unsent()).isEmpty();
        for (Task task : submitted) {
            JsonObject done = InContainer.await()
                    .until(() -> tasks.get(task.getId()), t -> "SUCCEEDED".equals(t.getString("status")));
            assertThat(done.getInt("tries")).as(task.getId()).isEqualTo(1);
        }
        // whichever message came second was stale: no task runs a second attempt
        InContainer.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> submitted.stream()
                        .allMatch(t ->
                                tasks.get(t.getId()).getJsonArray("attempts").size() == 1));
    }

    private Task submitWithoutDispatch(String body) {
        return lifecycle.submitWithoutDispatch(Ids.newId(), TaskRequestParser.parse(body), "it");
    }
}

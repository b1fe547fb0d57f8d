package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Draining and resuming the server node: running attempts finish, new ones wait, a drain timeout re-queues. */
@ExtendWith(ArquillianExtension.class)
class NodeDrainIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Tasks tasks = Tasks.of(api);
    private String node;

    @BeforeEach
    void findThisNode() {
        node = api.get("/api/nodes").json().getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject())
                .filter(n -> n.getBoolean("self"))
                .findFirst()
                .orElseThrow()
                .getString("name");
    }

    @AfterEach
    void resume() {
        api.post("/api/nodes/" + node + "/resume");
    }

    @Test
    void aDrainedNodeFinishesWhatRunsStartsNothingNewStopsAndResumes() {
        String running = tasks.submitId("{\"handler\":\"sleep\",\"params\":{\"ms\":2500}}");
        tasks.awaitStatus(running, "RUNNING");

        JsonObject drained =
                api.post("/api/nodes/" + node + "/drain?timeoutSeconds=60").json();
        assertThat(drained.getString("status")).isEqualTo("STOPPING");
        String waiting = tasks.submitId("{\"handler\":\"echo\",\"params\":1}");

        Tasks.await().during(Duration.ofSeconds(2)).until(() -> tasks.status(waiting), "QUEUED"::equals);
        tasks.awaitStatus(running, "SUCCEEDED");
        Tasks.await().until(() -> nodeStatus().equals("STOPPED"));
        assertThat(tasks.get(running).getJsonArray("attempts")).hasSize(1);
        assertThat(tasks.status(waiting)).isEqualTo("QUEUED");

        assertThat(api.post("/api/nodes/" + node + "/resume").json().getString("status"))
                .isIn("IDLE", "PROCESSING");
        tasks.awaitStatus(waiting, "SUCCEEDED");
    }

    @Test
    void aDrainedNodeHandsADispatchGroupBackAndRunsItOnceResumed() {
        api.post("/api/nodes/" + node + "/drain?timeoutSeconds=60");
        Tasks.await().until(() -> nodeStatus().equals("STOPPED"));
        StringBuilder batch = new StringBuilder("{\"tasks\":[");
        for (int i = 0; i < 10; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"handler\":\"echo\",\"params\":")
                    .append(i)
                    .append('}');
        }
        List<String> ids =
                api.post("/api/tasks/batch", batch.append("]}").toString()).json().getJsonArray("tasks").stream()
                        .map(t -> t.asJsonObject().getString("id"))
                        .toList();

        // the ten travel in one group message, which the drained node keeps handing back to the queue
        Tasks.await().during(Duration.ofSeconds(2)).until(() -> ids.stream()
                .allMatch(id -> tasks.status(id).equals("QUEUED")));

        api.post("/api/nodes/" + node + "/resume");
        for (int i = 0; i < ids.size(); i++) {
            JsonObject done = tasks.awaitStatus(ids.get(i), "SUCCEEDED");
            assertThat(done.getInt("result")).isEqualTo(i);
            assertThat(done.getJsonArray("attempts")).hasSize(1);
        }
    }

    @Test
    void aDrainTimeoutStopsAndRequeuesWhatStillRuns() {
        String id = tasks.submitLongSleep();
        tasks.awaitStatus(id, "RUNNING");

        api.post("/api/nodes/" + node + "/drain?timeoutSeconds=1");

        Tasks.await().until(() -> nodeStatus().equals("STOPPED"));
        JsonObject task = tasks.get(id);
        assertThat(task.getString("status")).isEqualTo("QUEUED");
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("INTERRUPTED");
        tasks.cancel(id);
    }

    @Test
    void drainingNeedsAnAdminAKnownNodeAndASaneTimeout() {
        assertProblem(api.post("/api/nodes/no-such-node/drain"), 404);
        assertProblem(api.post("/api/nodes/" + node + "/drain?timeoutSeconds=-1"), 400);
        assertProblem(Api.as("worker", "worker").post("/api/nodes/" + node + "/drain"), 403);
        assertThat(nodeStatus()).isIn("IDLE", "PROCESSING");
    }

    private String nodeStatus() {
        return api.get("/api/nodes/" + node).json().getString("status");
    }
}

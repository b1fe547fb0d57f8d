package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication and roles: the container answers 401/403 for missing credentials and users without
 * Baton roles, RolesAllowedFilter 403 for workers that try to change tasks. Every refusal is problem+json.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final String[] READ_PATHS = {"/api/tasks", "/api/handlers", "/api/queues"};

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private final Api worker = Api.as("worker", "worker");
    private final Api submitter = Api.as("submitter", "submitter");

    @Test
    void withoutCredentialsEveryApiCallIs401WithABasicChallenge() {
        for (String path : READ_PATHS) {
            assertUnauthorized(Api.anonymous().get(path));
        }
        assertUnauthorized(Api.anonymous().post(Tasks.BASE, "{\"handler\":\"noop\"}"));
    }

    @Test
    void wrongPasswordOrUnknownUserIs401() {
        assertUnauthorized(Api.as("baton", "not-the-password").get("/api/tasks"));
        assertUnauthorized(Api.as("nobody", "nobody").get("/api/tasks"));
        assertUnauthorized(Api.as("submitter", "wrong").post(Tasks.BASE, "{\"handler\":\"noop\"}"));
    }

    @Test
    void aUserWithoutBatonRolesIs403Everywhere() {
        Api viewer = Api.as("viewer", "viewer");
        for (String path : READ_PATHS) {
            JsonObject problem = assertProblem(viewer.get(path), 403);
            assertThat(problem.getString("detail")).contains("admin", "submitter", "worker");
        }
        assertProblem(viewer.post(Tasks.BASE, "{\"handler\":\"noop\"}"), 403);
    }

    @Test
    void healthNeedsNoCredentials() {
        Api.Reply reply = Api.anonymous().get("/api/health");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("UP");
        assertThat(Api.as("viewer", "viewer").get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void workerMayReadTasksHandlersAndQueues() {
        String id = Tasks.of(admin).submitId("{\"handler\":\"noop\"}");

        for (String path : READ_PATHS) {
            Api.Reply reply = worker.get(path);
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(200);
            assertThat(reply.json().getJsonArray("items")).as(path).isNotNull();
        }
        Api.Reply task = worker.get(Tasks.BASE + "/" + id);
        assertThat(task.status()).as(task.toString()).isEqualTo(200);
        assertThat(task.json().getString("id")).isEqualTo(id);
        assertThat(worker.get(Tasks.BASE + "/" + id + "/result").status()).isIn(200, 202);
    }

    @Test
    void workerMayNotSubmitAndNothingIsStored() {
        String name = Tasks.unique("worker-submit");

        JsonObject problem =
                assertProblem(worker.post(Tasks.BASE, "{\"handler\":\"noop\",\"name\":\"" + name + "\"}"), 403);

        assertThat(problem.getString("detail")).contains("admin", "submitter");
        JsonObject workersTasks = Tasks.of(admin).page("user=worker&limit=1000");
        assertThat(workersTasks.getJsonArray("items"))
                .noneMatch(task -> name.equals(task.asJsonObject().getString("name", null)));
    }

    @Test
    void workerMayNotCancelRetryOrDeleteAndTheTaskIsUntouched() {
        Tasks tasks = Tasks.of(admin);
        String running = tasks.submitLongSleep();
        try {
            tasks.awaitStatus(running, "RUNNING");

            assertProblem(worker.post(Tasks.BASE + "/" + running + "/cancel"), 403);
            assertProblem(worker.post(Tasks.BASE + "/" + running + "/retry"), 403);
            assertProblem(worker.delete(Tasks.BASE + "/" + running), 403);

            assertThat(tasks.status(running)).isEqualTo("RUNNING");
        } finally {
            tasks.cancelUnfinished(running);
        }
        assertProblem(worker.post(Tasks.BASE + "/" + running + "/retry"), 403);
        assertProblem(worker.delete(Tasks.BASE + "/" + running), 403);
        assertThat(tasks.status(running)).isEqualTo("CANCELLED");
    }

    @Test
    void submitterMaySubmitCancelAndDeleteTheirTasks() {
        Tasks tasks = Tasks.of(submitter);

        JsonObject task = tasks.submit("{\"handler\":\"sleep\",\"params\":{\"ms\":60000}}");
        String id = task.getString("id");
        assertThat(task.getString("user")).isEqualTo("submitter");
        tasks.cancel(id);
        Api.Reply deleted = submitter.delete(Tasks.BASE + "/" + id);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertProblem(submitter.get(Tasks.BASE + "/" + id), 404);
    }

    private static void assertUnauthorized(Api.Reply reply) {
        JsonObject problem = assertProblem(reply, 401);
        assertThat(reply.header("WWW-Authenticate")).as(reply.toString()).startsWith("Basic realm=\"Baton\"");
        assertThat(problem.getString("detail")).contains("credentials");
    }
}

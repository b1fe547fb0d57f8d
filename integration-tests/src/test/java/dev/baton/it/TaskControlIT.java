package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancel, retry and delete through the REST API, with the 409s the task lifecycle table demands. */
@ExtendWith(ArquillianExtension.class)
class TaskControlIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Tasks tasks = Tasks.of(api);

    @Test
    void cancellingARunningTaskStopsIt() {
        String id = tasks.submitLongSleep();
        tasks.awaitStatus(id, "RUNNING");

        JsonObject cancelled = tasks.cancel(id);

        assertThat(cancelled.getString("endTime")).isNotBlank();
        // the sleeping attempt was stopped: it never reports success later
        Tasks.await().during(Duration.ofSeconds(1)).until(() -> tasks.status(id), "CANCELLED"::equals);
        JsonObject task = tasks.get(id);
        assertThat(task.getJsonArray("attempts")).hasSize(1);
        assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                .isEqualTo("CANCELLED");
        assertThat(task.get("result")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void cancellingAQueuedTaskMeansItNeverRuns() {
        List<String> blockers = occupyEveryConsumer();
        try {
            JsonObject queued = tasks.submit("{\"handler\":\"noop\",\"priority\":0}");
            String id = queued.getString("id");
            assertThat(tasks.status(id)).isEqualTo("QUEUED");

            JsonObject cancelled = tasks.cancel(id);

            assertThat(cancelled.getInt("tries")).isZero();
            assertThat(cancelled.getJsonArray("attempts")).isEmpty();
            tasks.cancelUnfinished(blockers.toArray(String[]::new));
            // the consumers are free again and the dispatch message is consumed, but the task stays put
            Tasks.await().during(Duration.ofSeconds(1)).until(() -> tasks.get(id), TaskControlIT::cancelledUnrun);
        } finally {
            tasks.cancelUnfinished(blockers.toArray(String[]::new));
        }
    }

    @Test
    void cancellingATerminalTaskIs409() {
        String succeeded = finishedNoop();
        String cancelled = tasks.submitLongSleep();
        tasks.cancel(cancelled);

        JsonObject problem = assertProblem(api.post(Tasks.BASE + "/" + succeeded + "/cancel"), 409);
        assertProblem(api.post(Tasks.BASE + "/" + cancelled + "/cancel"), 409);

        assertThat(problem.getString("detail")).contains("SUCCEEDED");
        assertThat(tasks.status(succeeded)).isEqualTo("SUCCEEDED");
    }

    @Test
    void retryingACancelledTaskRunsItAgainToSuccess() {
        String id = tasks.submitId("{\"handler\":\"sleep\",\"params\":{\"ms\":5000}}");
        tasks.awaitStatus(id, "RUNNING");
        tasks.cancel(id);

        Api.Reply retried = api.post(Tasks.BASE + "/" + id + "/retry");

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().getString("status")).isIn("QUEUED", "RUNNING");
        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED");
        assertThat(task.getJsonObject("result").getInt("slept")).isEqualTo(5000);
        assertThat(task.getInt("tries")).isEqualTo(1);
        assertThat(task.getJsonArray("attempts"))
                .extracting(a -> a.asJsonObject().getString("outcome"))
                .containsExactly("CANCELLED", "SUCCEEDED");
    }

    @Test
    void retryingAFailedTaskGivesItAFreshBudgetOfTries() {
        // fails its first two attempts, succeeds from the third on; two tries are not enough
        Api.Reply failed = api.post(
                Tasks.BASE + "?wait=30", "{\"handler\":\"fail\",\"params\":{\"succeedOnTry\":3},\"maxTries\":2}");
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.json().getString("status")).isEqualTo("ERROR");
        assertThat(failed.json().getInt("tries")).isEqualTo(2);
        String id = failed.json().getString("id");

        Api.Reply retried = api.post(Tasks.BASE + "/" + id + "/retry");

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        JsonObject task = tasks.awaitStatus(id, "SUCCEEDED");
        assertThat(task.getJsonObject("result").getInt("try")).isEqualTo(3);
        assertThat(task.getInt("tries")).as("tries of the new budget").isEqualTo(1);
        assertThat(task.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(task.getJsonArray("attempts"))
                .extracting(a -> a.asJsonObject().getInt("number"), a -> a.asJsonObject()
                        .getString("outcome"))
                .containsExactly(tuple(1, "FAILED"), tuple(2, "FAILED"), tuple(3, "SUCCEEDED"));
    }

    @Test
    void retryingASucceededOrUnfinishedTaskIs409() {
        String succeeded = finishedNoop();
        String running = tasks.submitLongSleep();
        try {
            JsonObject runningTask = tasks.awaitStatus(running, "RUNNING");

            JsonObject problem = assertProblem(api.post(Tasks.BASE + "/" + succeeded + "/retry"), 409);
            JsonObject notFinished = assertProblem(api.post(Tasks.BASE + "/" + running + "/retry"), 409);

            assertThat(problem.getString("detail")).contains("SUCCEEDED");
            assertThat(notFinished.getString("detail")).contains("RUNNING");
            JsonObject after = tasks.get(running);
            assertThat(after.getString("status")).isEqualTo("RUNNING");
            assertThat(after.getJsonArray("attempts")).isEqualTo(runningTask.getJsonArray("attempts"));
        } finally {
            tasks.cancelUnfinished(running);
        }
    }

    @Test
    void deletingAnUnfinishedTaskIs409() {
        String id = tasks.submitLongSleep();
        try {
            JsonObject problem = assertProblem(api.delete(Tasks.BASE + "/" + id), 409);

            assertThat(problem.getString("detail")).contains("cancel it first");
            assertThat(tasks.get(id).getString("id")).isEqualTo(id);
        } finally {
            tasks.cancelUnfinished(id);
        }
    }

    @Test
    void deletingATerminalTaskRemovesIt() {
        String id = finishedNoop();

        Api.Reply deleted = api.delete(Tasks.BASE + "/" + id);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(api.get(Tasks.BASE + "/" + id), 404);
        assertProblem(api.get(Tasks.BASE + "/" + id + "/result"), 404);
        assertProblem(api.delete(Tasks.BASE + "/" + id), 404);
    }

    @Test
    void deletingASplitTaskRemovesItsChildren() {
        Api.Reply split = api.post(Tasks.BASE + "?wait=60", "{\"handler\":\"split\",\"params\":{\"count\":3}}");
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        String id = split.json().getString("id");
        assertThat(split.json().getString("status")).isEqualTo("SUCCEEDED");
        List<String> children = Tasks.ids(tasks.page("parent=" + id));
        assertThat(children).hasSize(3);

        assertThat(api.delete(Tasks.BASE + "/" + id).status()).isEqualTo(204);

        assertThat(tasks.page("parent=" + id).getJsonArray("items")).isEmpty();
        children.forEach(child -> assertProblem(api.get(Tasks.BASE + "/" + child), 404));
    }

    private static boolean cancelledUnrun(JsonObject task) {
        return "CANCELLED".equals(task.getString("status"))
                && task.getJsonArray("attempts").isEmpty();
    }

    private String finishedNoop() {
        Api.Reply reply = api.post(Tasks.BASE + "?wait=30", "{\"handler\":\"noop\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("SUCCEEDED");
        return reply.json().getString("id");
    }

    /**
     * Keeps every dispatch consumer busy with a high-priority sleeper, so a task submitted now stays
     * QUEUED until they are cancelled. Returns the sleepers' ids.
     */
    private List<String> occupyEveryConsumer() {
        int consumers = queues().getInt("consumers");
        List<String> blockers = new ArrayList<>();
        try {
            for (int i = 0; i < consumers; i++) {
                blockers.add(tasks.submitId("{\"handler\":\"sleep\",\"params\":{\"ms\":60000},\"priority\":100}"));
            }
            Tasks.await().until(() -> queues().getInt("runningOnThisNode") >= consumers);
            return blockers;
        } catch (RuntimeException | AssertionError e) {
            tasks.cancelUnfinished(blockers.toArray(String[]::new));
            throw e;
        }
    }

    private JsonObject queues() {
        return api.get("/api/queues").json().getJsonArray("items").getJsonObject(0);
    }
}

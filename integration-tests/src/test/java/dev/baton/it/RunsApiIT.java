package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runs API's edges: 404s, 409s, bad start bodies, listing with filters and cursors, idempotent starts. */
@ExtendWith(ArquillianExtension.class)
class RunsApiIT {

    private static final String RUNS = "/api/runs";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Workflows workflows = Workflows.of(api);

    @Test
    void unknownRunsWorkflowsAndVersionsAre404() {
        String nobody = UUID.randomUUID().toString();
        assertProblem(api.get(RUNS + "/" + nobody), 404);
        assertProblem(api.post(RUNS + "/" + nobody + "/cancel"), 404);
        assertProblem(api.post(RUNS + "/" + nobody + "/events/approved", "{}"), 404);
        assertProblem(api.get(Workflows.BASE + "/no-such-workflow"), 404);
        assertProblem(api.get(Workflows.BASE + "/no-such-workflow/versions"), 404);
        assertProblem(api.post(Workflows.BASE + "/no-such-workflow/runs", "{}"), 404);
        JsonObject flow = assertProblem(api.post("/flow/execute", "{\"name\":\"no-such-workflow\",\"input\":{}}"), 404);
        assertThat(flow.getString("detail")).contains("no-such-workflow");

        workflows.save("runs-echo");
        assertProblem(api.get(Workflows.BASE + "/runs-echo/versions/99999"), 404);
        JsonObject version = assertProblem(api.post(Workflows.BASE + "/runs-echo/runs", "{\"version\":99999}"), 404);
        assertThat(version.getString("detail")).contains("runs-echo v99999");
    }

    @Test
    void rolesOnRuns() {
        workflows.save("runs-echo");
        String id = workflows.start("runs-echo", "{\"n\":3}").getString("id");
        Api worker = Api.as("worker", "worker");
        Api viewer = Api.as("viewer", "viewer");

        assertThat(worker.get(RUNS + "/" + id).status()).isEqualTo(200);
        assertThat(worker.get(RUNS + "?workflow=runs-echo").status()).isEqualTo(200);
        assertProblem(worker.post(Workflows.BASE + "/runs-echo/runs", "{}"), 403);
        assertProblem(worker.post("/flow/execute", "{\"name\":\"runs-echo\"}"), 403);
        assertProblem(worker.post(RUNS + "/" + id + "/cancel"), 403);
        assertProblem(viewer.get(RUNS + "/" + id), 403);
        assertProblem(viewer.post("/flow/execute", "{\"name\":\"runs-echo\"}"), 403);
        assertThat(Api.anonymous()
                        .post("/flow/execute", "{\"name\":\"runs-echo\"}")
                        .status())
                .isEqualTo(401);
        assertThat(Api.anonymous().get(RUNS + "/" + id).status()).isEqualTo(401);
        Api.Reply bySubmitter =
                Api.as("submitter", "submitter").post("/flow/execute", "{\"name\":\"runs-echo\",\"input\":{}}");
        assertThat(bySubmitter.status()).as(bySubmitter.toString()).isEqualTo(201);
        assertThat(bySubmitter.json().getString("user")).isEqualTo("submitter");
    }

    @Test
    void orchysFlowExecuteStartsARun() {
        workflows.save("runs-echo");

        Api.Reply reply = api.post("/flow/execute", "{\"name\":\"runs-echo\",\"input\":{\"n\":7}}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String id = reply.json().getString("id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(reply.header("Location")).endsWith("/api/runs/" + id);
        assertThat(reply.json().getString("workflow")).isEqualTo("runs-echo");
        assertThat(reply.json().getString("user")).isEqualTo("baton");
        JsonObject run = workflows.awaitStatus(id, "COMPLETED");
        assertThat(run.getJsonObject("input").getInt("n")).isEqualTo(7);
        assertThat(Workflows.action(run, "1").getJsonObject("output").getInt("n"))
                .isEqualTo(7);
        assertThat(run.getJsonNumber("durationMs").longValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anEventNobodyWaitsForIs409() {
        workflows.save("runs-wait");
        String waiting = workflows.start("runs-wait", "{}").getString("id");
        workflows.awaitStatus(waiting, "WAITING");

        JsonObject problem = assertProblem(api.post(RUNS + "/" + waiting + "/events/rejected", "{}"), 409);
        assertThat(problem.getString("detail")).contains("'rejected'", "approved");
        assertThat(workflows.run(waiting).getString("status")).isEqualTo("WAITING");

        assertThat(api.post(RUNS + "/" + waiting + "/cancel").status()).isEqualTo(200);
        JsonObject cancelled = workflows.awaitStatus(waiting, "CANCELLED");
        JsonObject late = assertProblem(api.post(RUNS + "/" + waiting + "/events/approved", "{}"), 409);
        assertThat(late.getString("detail")).contains("CANCELLED");
        assertThat(cancelled.getString("endTime")).isNotBlank();
    }

    @Test
    void resumeOfARunThatIsNotPausedAndRetryOfARunThatDidNotFailAre409() {
        workflows.save("runs-echo");
        String done = workflows.start("runs-echo", "{\"n\":1}").getString("id");
        workflows.awaitStatus(done, "COMPLETED");

        assertThat(assertProblem(api.post(RUNS + "/" + done + "/resume"), 409).getString("detail"))
                .contains("COMPLETED", "not PAUSED");
        assertThat(assertProblem(api.post(RUNS + "/" + done + "/retry"), 409).getString("detail"))
                .contains("COMPLETED", "only FAILED runs are retried");
        assertProblem(api.post(RUNS + "/" + done + "/pause"), 409);
        assertProblem(api.post(RUNS + "/" + done + "/cancel"), 409);
        assertThat(workflows.run(done).getString("status")).isEqualTo("COMPLETED");

        workflows.save("runs-wait");
        String waiting = workflows.start("runs-wait", "{}").getString("id");
        workflows.awaitStatus(waiting, "WAITING");
        assertProblem(api.post(RUNS + "/" + waiting + "/resume"), 409);
        assertProblem(api.post(RUNS + "/" + waiting + "/retry"), 409);
        api.post(RUNS + "/" + waiting + "/cancel");
    }

    @Test
    void badStartBodiesAre400Or422NamingTheField() {
        workflows.save("runs-echo");
        String start = Workflows.BASE + "/runs-echo/runs";

        JsonObject notObjectInput = assertProblem(api.post(start, "{\"input\":[1,2]}"), 400);
        assertThat(fields(notObjectInput)).containsExactly("/input");
        assertThat(notObjectInput.getString("detail")).contains("must be a JSON object");
        JsonObject unknown = assertProblem(api.post(start, "{\"input\":{},\"inputs\":{}}"), 400);
        assertThat(fields(unknown)).containsExactly("/inputs");
        assertThat(unknown.getString("detail")).contains("unknown field", "idempotencyKey", "priority");
        JsonObject priority = assertProblem(api.post(start, "{\"priority\":101}"), 422);
        assertThat(fields(priority)).containsExactly("/priority");
        JsonObject types = assertProblem(api.post(start, "{\"priority\":\"high\",\"version\":1.5}"), 400);
        assertThat(fields(types)).containsExactlyInAnyOrder("/priority", "/version");
        JsonObject otherName = assertProblem(api.post(start, "{\"name\":\"tpl-switch\"}"), 422);
        assertThat(fields(otherName)).containsExactly("/name");
        assertThat(assertProblem(api.post(start, "[]"), 400).getString("detail"))
                .contains("must be a JSON object");
        JsonObject malformed = assertProblem(api.post(start, "{\"input\":{\n}"), 400);
        assertThat(malformed.getString("type")).endsWith("/malformed-json");
        assertThat(malformed.getInt("line")).isEqualTo(2);

        JsonObject noName = assertProblem(api.post("/flow/execute", "{\"input\":{\"n\":1}}"), 422);
        assertThat(fields(noName)).containsExactly("/name");
        assertThat(noName.getString("detail")).contains("required");
        assertProblem(api.post("/flow/execute", ""), 400);
        JsonObject both = assertProblem(api.post("/flow/execute", "{\"input\":5,\"priority\":-1}"), 400);
        assertThat(fields(both)).containsExactly("/input");
    }

    @Test
    void anEmptyBodyStartsTheLatestVersionWithEmptyInput() {
        int version = workflows.save("runs-echo").getInt("version");

        Api.Reply reply = api.post(Workflows.BASE + "/runs-echo/runs", "");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getInt("version")).isEqualTo(version);
        assertThat(reply.json().getJsonObject("input")).isEmpty();
        assertThat(reply.json().getInt("priority")).isBetween(0, 100);
    }

    @Test
    void listingFiltersByWorkflowAndStatusAndPagesWithACursor() {
        workflows.save("runs-echo");
        workflows.save("runs-fail");
        List<String> echoes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            echoes.add(workflows.start("runs-echo", "{\"n\":" + i + "}").getString("id"));
        }
        String failed = workflows.start("runs-fail", "{}").getString("id");
        echoes.forEach(id -> workflows.awaitStatus(id, "COMPLETED"));
        JsonObject failedRun = workflows.awaitStatus(failed, "FAILED");
        assertThat(failedRun.getString("error")).contains("on purpose");

        List<JsonObject> echoRuns = all("workflow=runs-echo&limit=2");
        assertThat(echoRuns).allSatisfy(r -> assertThat(r.getString("workflow")).isEqualTo("runs-echo"));
        List<String> echoIds = echoRuns.stream().map(r -> r.getString("id")).toList();
        assertThat(echoIds).doesNotHaveDuplicates().containsAll(echoes).doesNotContain(failed);

        List<JsonObject> failedRuns = all("status=FAILED&limit=1");
        assertThat(failedRuns).allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("FAILED"));
        assertThat(failedRuns.stream().map(r -> r.getString("id")))
                .contains(failed)
                .doesNotHaveDuplicates();

        List<JsonObject> completedEchoes = all("workflow=runs-echo&status=COMPLETED&limit=3");
        assertThat(completedEchoes.stream().map(r -> r.getString("id")))
                .containsAll(echoes)
                .doesNotContain(failed);
        assertThat(all("workflow=runs-fail&status=COMPLETED&limit=50").stream().map(r -> r.getString("id")))
                .doesNotContain(failed);

        JsonObject first = page("workflow=runs-echo&limit=2");
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(first.getString("nextCursor")).isNotBlank();
        JsonObject summary = first.getJsonArray("items").getJsonObject(0);
        assertThat(summary).containsKeys("id", "workflow", "version", "status", "priority", "input", "startTime");
        assertThat(summary).doesNotContainKey("actions");

        assertProblem(api.get(RUNS + "?status=DONE"), 400);
        assertProblem(api.get(RUNS + "?limit=0"), 400);
        assertProblem(api.get(RUNS + "?limit=1001"), 400);
    }

    @Test
    void aRepeatedIdempotencyKeyAnswers200WithTheSameRun() {
        workflows.save("runs-echo");
        String start = Workflows.BASE + "/runs-echo/runs";
        String headerKey = "runs-api-" + UUID.randomUUID();

        Api.Reply created = api.post(start, "{\"input\":{\"n\":1}}", "Idempotency-Key", headerKey);
        Api.Reply repeated = api.post(start, "{\"input\":{\"n\":1}}", "Idempotency-Key", headerKey);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        String id = created.json().getString("id");
        assertThat(repeated.json().getString("id")).isEqualTo(id);
        assertThat(repeated.header("Location")).endsWith("/api/runs/" + id);
        assertThat(created.json().getString("idempotencyKey")).isEqualTo(headerKey);

        String bodyKey = "runs-api-" + UUID.randomUUID();
        String body = "{\"input\":{\"n\":2},\"idempotencyKey\":\"" + bodyKey + "\"}";
        Api.Reply first = api.post(start, body);
        Api.Reply again = api.post(start, body);
        Api.Reply viaFlow = api.post(
                "/flow/execute", "{\"name\":\"runs-echo\",\"input\":{\"n\":2},\"idempotencyKey\":\"" + bodyKey + "\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(viaFlow.status()).as(viaFlow.toString()).isEqualTo(200);
        assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(viaFlow.json().getString("id")).isEqualTo(first.json().getString("id"));

        JsonObject differs = assertProblem(api.post(start, body, "Idempotency-Key", "another"), 400);
        assertThat(differs.getString("detail")).contains("differs");
        assertThat(all("workflow=runs-echo&limit=1000").stream()
                        .filter(r -> r.get("idempotencyKey") != null
                                && r.get("idempotencyKey") != JsonValue.NULL
                                && List.of(headerKey, bodyKey).contains(r.getString("idempotencyKey"))))
                .hasSize(2);
    }

    private JsonObject page(String query) {
        Api.Reply reply = api.get(RUNS + "?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Every item of every page, following nextCursor. */
    private List<JsonObject> all(String query) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            JsonObject page = page(query + (cursor == null ? "" : "&cursor=" + cursor));
            page.getJsonArray("items").forEach(item -> items.add(item.asJsonObject()));
            if (page.isNull("nextCursor")) {
                return items;
            }
            cursor = page.getString("nextCursor");
        }
        throw new AssertionError("more than 1000 pages for " + query);
    }
}

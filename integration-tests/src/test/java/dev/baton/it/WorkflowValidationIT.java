package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Saving workflow definitions over REST: every validation error answers 422 naming the JSON pointer of
 * the mistake (all errors of a definition at once) and stores nothing; malformed JSON answers 400 with
 * line and column; an unregistered handler is a warning of a 201. Also roles, versions and delete.
 * Each invalid definition is a resource under {@code workflows/invalid/}.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowValidationIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();
    private final Workflows workflows = Workflows.of(api);

    /** Posts {@code workflows/invalid/<resource>.json}, asserts a 422 and that workflow {@code name} was not stored. */
    private JsonObject rejected(String resource, String name) {
        JsonObject problem = assertProblem(api.post(Workflows.BASE, Workflows.definition("invalid/" + resource)), 422);
        assertThat(problem.getString("type")).endsWith("/validation");
        assertProblem(api.get(Workflows.BASE + "/" + name), 404);
        return problem;
    }

    /** The problem's errors as pointer → message (one error per pointer in these definitions). */
    private static Map<String, String> errors(JsonObject problem) {
        return problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(
                        e -> e.getString("field"), e -> e.getString("message"), (a, b) -> a + " | " + b));
    }

    @Test
    void orchysReadmeExampleAsPublishedIsMalformedJsonWithLineAndColumn() {
        // Orchy's README misses a comma after "default":[10] (line 74 holds "open": [9])
        JsonObject problem =
                assertProblem(api.post(Workflows.BASE, Workflows.definition("invalid/orchy-readme-malformed")), 400);

        assertThat(problem.getString("type")).endsWith("/malformed-json");
        assertThat(problem.getInt("line")).isEqualTo(74);
        assertThat(problem.getInt("column")).isEqualTo(10);
        assertThat(problem.getString("detail")).contains("line 74, column 10");
        assertProblem(api.get(Workflows.BASE + "/notificationWorkflow"), 404);
    }

    @Test
    void emptyBodyAndNonObjectBodyAreRefused() {
        JsonObject empty = assertProblem(api.post(Workflows.BASE, ""), 400);
        assertThat(fields(empty)).containsExactly("body");

        JsonObject array = assertProblem(api.post(Workflows.BASE, Workflows.definition("invalid/not-an-object")), 422);
        assertThat(errors(array)).containsOnlyKeys("");
        assertThat(errors(array).get("")).contains("must be a JSON object", "an array");
        for (String body : new String[] {"\"wf\"", "42", "null", "true"}) {
            JsonObject problem = assertProblem(api.post(Workflows.BASE, body), 422);
            assertThat(fields(problem)).as(body).containsExactly("");
        }
    }

    @Test
    void missingRootActionIsNamed() {
        Map<String, String> errors = errors(rejected("missing-root", "val-missing-root"));

        assertThat(errors).containsOnlyKeys("/rootAction");
        assertThat(errors.get("/rootAction")).contains("'rootAction' is required");
    }

    @Test
    void unknownRootActionIsNamedWithTheIdsThereAre() {
        Map<String, String> errors = errors(rejected("unknown-root", "val-unknown-root"));

        assertThat(errors).containsOnlyKeys("/rootAction");
        assertThat(errors.get("/rootAction")).contains("'9' names no action", "[1]");
    }

    @Test
    void duplicateIdsPointAtTheSecondOccurrence() {
        Map<String, String> errors = errors(rejected("duplicate-ids", "val-duplicate-ids"));

        assertThat(errors).containsOnlyKeys("/actions/2/id");
        assertThat(errors.get("/actions/2/id")).contains("duplicate id '1'", "/actions/0");
    }

    @Test
    void nextNamingNoActionPointsAtTheEntry() {
        Map<String, String> errors = errors(rejected("next-nowhere", "val-next-nowhere"));

        assertThat(errors).containsOnlyKeys("/actions/0/next/default/1");
        assertThat(errors.get("/actions/0/next/default/1")).contains("no action has id '7'");
    }

    @Test
    void aCycleIsReportedOnceAtTheEdgeThatClosesIt() {
        Map<String, String> errors = errors(rejected("cycle", "val-cycle"));

        assertThat(errors).containsOnlyKeys("/actions/2/next/default/0");
        assertThat(errors.get("/actions/2/next/default/0")).contains("must not loop", "2 → 3 → 2");
    }

    @Test
    void anUnreachableActionIsNamed() {
        Map<String, String> errors = errors(rejected("unreachable", "val-unreachable"));

        assertThat(errors).containsOnlyKeys("/actions/2");
        assertThat(errors.get("/actions/2")).contains("action orphan cannot be reached from rootAction 1");
    }

    @Test
    void anUnknownSystemActionListsTheKnownOnes() {
        Map<String, String> errors = errors(rejected("unknown-system-action", "val-unknown-system-action"));

        assertThat(errors).containsOnlyKeys("/actions/1/name");
        assertThat(errors.get("/actions/1/name"))
                .contains("unknown system action 'sleep'", "delay", "switch", "javascript", "wait");
    }

    @Test
    void badJsonPathsInParametersPointAtTheirValues() {
        Map<String, String> errors = errors(rejected("bad-jsonpath-parameters", "val-bad-jsonpath-parameters"));

        assertThat(errors).containsOnlyKeys("/actions/0/parameters/user/ids/1", "/actions/0/parameters/trailing");
        assertThat(errors.get("/actions/0/parameters/user/ids/1")).contains("bad JSONPath '$.input.items[0.name'");
        assertThat(errors.get("/actions/0/parameters/trailing")).contains("bad JSONPath '$.input.a..'");
    }

    @Test
    void aBadJsonPathInASwitchExpressionPointsAtTheExpression() {
        Map<String, String> errors = errors(rejected("bad-switch-expression", "val-bad-switch-expression"));

        assertThat(errors).containsOnlyKeys("/actions/1/expression", "/actions/4/expression");
        assertThat(errors.get("/actions/1/expression")).contains("bad JSONPath '$.1.output.code['");
        assertThat(errors.get("/actions/4/expression"))
                .contains("a switch expression must be one template", "code {$.1.output.code}");
    }

    @Test
    void aJavaScriptSyntaxErrorNamesLineAndColumn() {
        Map<String, String> errors = errors(rejected("javascript-syntax-error", "val-javascript-syntax-error"));

        assertThat(errors).containsOnlyKeys("/actions/1/expression");
        assertThat(errors.get("/actions/1/expression")).contains("syntax error at line 2");
    }

    @Test
    void aWaitNeedsItsEventAndTimeout() {
        Map<String, String> errors =
                errors(rejected("wait-without-event-or-timeout", "val-wait-without-event-or-timeout"));

        assertThat(errors).containsOnlyKeys("/actions/1/event", "/actions/1/timeoutSeconds");
        assertThat(errors.get("/actions/1/event")).contains("a wait needs the 'event'");
        assertThat(errors.get("/actions/1/timeoutSeconds")).contains("a wait needs 'timeoutSeconds'");
    }

    @Test
    void everyErrorOfADefinitionComesBackInOne422() {
        JsonObject problem = rejected("many-errors", "val-many-errors");
        Map<String, String> errors = errors(problem);

        assertThat(errors)
                .containsOnlyKeys(
                        "/actions/0/parameters/x",
                        "/actions/0/next/default/1",
                        "/actions/1/expression",
                        "/actions/2/name",
                        "/actions/3/timeoutSeconds",
                        "/actions/4/id",
                        "/actions/6/next/default/0",
                        "/actions/5",
                        "/actions/6");
        assertThat(errors.get("/actions/0/parameters/x")).contains("bad JSONPath");
        assertThat(errors.get("/actions/0/next/default/1")).contains("no action has id '42'");
        assertThat(errors.get("/actions/1/expression")).contains("syntax error at line 1");
        assertThat(errors.get("/actions/2/name")).contains("unknown system action 'teleport'");
        assertThat(errors.get("/actions/3/timeoutSeconds")).contains("timeoutSeconds");
        assertThat(errors.get("/actions/4/id")).contains("duplicate id '2'");
        assertThat(errors.get("/actions/6/next/default/0")).contains("5 → 6 → 5");
        assertThat(errors.get("/actions/5")).contains("action 5 cannot be reached");
        assertThat(errors.get("/actions/6")).contains("action 6 cannot be reached");
        assertThat(problem.getString("detail")).contains("/actions/1/expression", "/actions/4/id");
    }

    @Test
    void aUserActionNamingNoRegisteredHandlerIsAWarningAndTheDefinitionIsSaved() {
        Api.Reply reply = api.post(Workflows.BASE, Workflows.definition("val-warning"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject saved = reply.json();
        assertThat(saved.getString("name")).isEqualTo("val-warning");
        List<JsonObject> warnings = saved.getJsonArray("warnings").getValuesAs(JsonObject.class);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getString("pointer")).isEqualTo("/actions/1/name");
        assertThat(warnings.get(0).getString("message")).contains("no registered handler 'sendPager'");
        assertThat(api.get(Workflows.BASE + "/val-warning").status()).isEqualTo(200);
    }

    @Test
    void aRunOfTheUnregisteredHandlerFailsThatActionNamingTheHandler() {
        workflows.save("val-warning");
        String id = workflows.start("val-warning", "{\"phone\":\"+100\"}").getString("id");

        JsonObject run = workflows.awaitStatus(id, "FAILED");

        JsonObject sms = Workflows.action(run, "2");
        assertThat(sms.getString("status")).isEqualTo("FAILED");
        assertThat(sms.getJsonObject("input").getString("phoneNumber")).isEqualTo("+100");
        assertThat(sms.getString("error")).contains("handler 'sendPager' is not registered");
        assertThat(run.getString("error")).contains("action 2 (sendPager) failed");
        assertThat(Workflows.action(run, "1").getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void onlyAdminsAndSubmittersMaySave() {
        String definition = Workflows.definition("val-roles");

        assertProblem(Api.as("viewer", "viewer").post(Workflows.BASE, definition), 403);
        assertProblem(Api.as("worker", "worker").post(Workflows.BASE, definition), 403);
        Api.Reply anonymous = Api.anonymous().post(Workflows.BASE, definition);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(api.get(Workflows.BASE + "/val-roles"), 404);

        Api.Reply bySubmitter = Api.as("submitter", "submitter").post(Workflows.BASE, definition);
        assertThat(bySubmitter.status()).as(bySubmitter.toString()).isEqualTo(201);
        assertThat(bySubmitter.json().getString("createdBy")).isEqualTo("submitter");

        Api.Reply read = Api.as("worker", "worker").get(Workflows.BASE + "/val-roles");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertProblem(Api.as("viewer", "viewer").get(Workflows.BASE + "/val-roles"), 403);
        assertProblem(Api.as("submitter", "submitter").delete(Workflows.BASE + "/val-roles"), 403);
        assertThat(api.get(Workflows.BASE + "/val-roles").status()).isEqualTo(200);
    }

    @Test
    void everySaveIsANewVersionAndDeleteHidesThemAllButNumberingContinues() {
        JsonObject first = workflows.save("val-versions");
        int v = first.getInt("version");
        assertThat(first.getString("createdBy")).isEqualTo("baton");
        assertThat(first.getString("createdTime")).isNotBlank();
        assertThat(first.getJsonArray("warnings")).isEmpty();

        Api.Reply second = api.post(Workflows.BASE, Workflows.definition("val-versions"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().getInt("version")).isEqualTo(v + 1);
        assertThat(second.header("Location")).endsWith("/api/workflows/val-versions/versions/" + (v + 1));
        assertThat(workflows.save("val-versions").getInt("version")).isEqualTo(v + 2);

        JsonObject latest = api.get(Workflows.BASE + "/val-versions").json();
        assertThat(latest.getInt("version")).isEqualTo(v + 2);
        assertThat(latest.getJsonObject("definition").getString("name")).isEqualTo("val-versions");
        assertThat(latest.getJsonObject("definition").getJsonArray("actions")).hasSize(1);
        List<Integer> versions =
                api.get(Workflows.BASE + "/val-versions/versions").json().getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getInt("version"))
                        .toList();
        assertThat(versions).startsWith(v + 2, v + 1, v);
        JsonObject older =
                api.get(Workflows.BASE + "/val-versions/versions/" + v).json();
        assertThat(older.getInt("version")).isEqualTo(v);
        assertThat(older.getJsonObject("definition").getInt("rootAction")).isEqualTo(1);
        assertThat(listedVersion("val-versions")).isEqualTo(v + 2);

        Api.Reply deleted = api.delete(Workflows.BASE + "/val-versions");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertProblem(api.get(Workflows.BASE + "/val-versions"), 404);
        assertProblem(api.get(Workflows.BASE + "/val-versions/versions"), 404);
        assertProblem(api.get(Workflows.BASE + "/val-versions/versions/" + v), 404);
        assertProblem(api.post(Workflows.BASE + "/val-versions/runs", "{}"), 404);
        assertThat(listedVersion("val-versions")).isNull();
        assertProblem(api.delete(Workflows.BASE + "/val-versions"), 404);

        assertThat(workflows.save("val-versions").getInt("version")).isEqualTo(v + 3);
        assertThat(api.get(Workflows.BASE + "/val-versions").json().getInt("version"))
                .isEqualTo(v + 3);
        assertProblem(api.get(Workflows.BASE + "/val-versions/versions/" + (v + 2)), 404);
    }

    @Test
    void badVersionNumbersAre400() {
        workflows.save("val-versions");
        for (String version : new String[] {"0", "-1", "two", "99999999999"}) {
            Api.Reply reply = api.get(Workflows.BASE + "/val-versions/versions/" + version);
            assertThat(reply.status()).as(version + ": " + reply).isEqualTo(400);
        }
    }

    /** The version {@code GET /api/workflows} lists for {@code name}, or null when it is not listed. */
    private Integer listedVersion(String name) {
        return api.get(Workflows.BASE).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(item -> item.getString("name").equals(name))
                .map(item -> item.getInt("version"))
                .findFirst()
                .orElse(null);
    }
}

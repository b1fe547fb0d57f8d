package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of bad submission body: each answers a 400 or 422 problem that names the field, the JSON
 * line and column, or the rule broken, and stores nothing. No case may answer 500.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();

    @Test
    void malformedJsonNamesLineAndColumn() {
        JsonObject problem = assertProblem(api.post(Tasks.BASE, "{\n  \"handler\": \"noop\",\n  \"priority\": }"), 400);

        assertThat(problem.getString("type")).endsWith("/malformed-json");
        assertThat(problem.getInt("line")).isEqualTo(3);
        assertThat(problem.getInt("column")).isEqualTo(15);
        assertThat(problem.getString("detail")).contains("line 3, column 15");
    }

    @Test
    void unterminatedJsonIsMalformed() {
        JsonObject problem = assertProblem(api.post(Tasks.BASE, "{\"handler\":\"noop\""), 400);

        assertThat(problem.getString("type")).endsWith("/malformed-json");
        assertThat(problem.getInt("line")).isEqualTo(1);
    }

    @Test
    void contentAfterTheJsonValueIsMalformed() {
        JsonObject problem = assertProblem(api.post(Tasks.BASE, "{\"handler\":\"noop\"} x"), 400);

        assertThat(problem.getString("type")).endsWith("/malformed-json");
        assertThat(problem.getInt("line")).isEqualTo(1);
        assertThat(problem.getInt("column")).isEqualTo(20);
    }

    @Test
    void duplicateMemberNamesAreMalformed() {
        JsonObject problem = assertProblem(api.post(Tasks.BASE, "{\"handler\":\"noop\",\n\"handler\":\"echo\"}"), 400);

        assertThat(problem.getString("type")).endsWith("/malformed-json");
        assertThat(problem.getString("detail")).contains("'handler'");
        assertThat(problem.getInt("line")).isEqualTo(2);
    }

    @Test
    void inputBeyondTheParserLimitsIsMalformedNotAServerError() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String longNumber = "9".repeat(5000);

        JsonObject nested = assertProblem(api.post(Tasks.BASE, "{\"handler\":\"echo\",\"params\":" + deep + "}"), 400);
        JsonObject number = assertProblem(
                api.post(Tasks.BASE, "{\"handler\":\"echo\",\"params\":{\"n\":" + longNumber + "}}"), 400);

        assertThat(nested.getString("detail")).contains("nested");
        assertThat(nested.getInt("line")).isEqualTo(1);
        assertThat(number.getString("type")).endsWith("/malformed-json");
        assertThat(number.getInt("line")).isEqualTo(1);
    }

    @Test
    void emptyBodyIsRefused() {
        JsonObject problem = assertProblem(api.post(Tasks.BASE, ""), 400);

        assertThat(fields(problem)).containsExactly("body");
    }

    @Test
    void bodyMustBeAnObject() {
        for (String body : new String[] {"[1,2]", "\"noop\"", "42", "null", "true"}) {
            JsonObject problem = assertProblem(api.post(Tasks.BASE, body), 400);
            assertThat(fields(problem)).as(body).containsExactly("body");
            assertThat(problem.getString("detail")).as(body).contains("must be a JSON object");
        }
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        JsonObject problem =
                assertProblem(api.post(Tasks.BASE, "{\"handler\":\"noop\",\"handlr\":\"x\",\"retries\":3}"), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("/handlr", "/retries");
        assertThat(problem.getString("detail")).contains("unknown field", "maxTries", "timeoutSeconds");
    }

    @Test
    void wrongTypesAreAllReportedAtOnce() {
        JsonObject problem = assertProblem(
                api.post(
                        Tasks.BASE,
                        "{\"handler\":5,\"name\":true,\"idempotencyKey\":{},\"priority\":\"high\","
                                + "\"maxTries\":1.5,\"timeoutSeconds\":[60]}"),
                400);

        assertThat(fields(problem))
                .containsExactlyInAnyOrder(
                        "/handler", "/name", "/idempotencyKey", "/priority", "/maxTries", "/timeoutSeconds");
        assertThat(problem.getString("detail")).contains("must be a string", "must be an integer");
    }

    @Test
    void outOfRangeValuesAreAllReportedAtOnceAs422() {
        JsonObject problem = assertProblem(
                api.post(Tasks.BASE, "{\"handler\":\"noop\",\"priority\":101,\"maxTries\":0,\"timeoutSeconds\":86401}"),
                422);

        assertThat(fields(problem)).containsExactlyInAnyOrder("/priority", "/maxTries", "/timeoutSeconds");
        assertThat(problem.getString("detail"))
                .contains("between 0 and 100", "between 1 and 100", "between 1 and 86400");
    }

    @Test
    void integersBeyondIntAreOutOfRangeToo() {
        JsonObject problem = assertProblem(
                api.post(
                        Tasks.BASE,
                        "{\"handler\":\"noop\",\"priority\":99999999999,\"maxTries\":-99999999999,"
                                + "\"timeoutSeconds\":123456789012345678901234567890}"),
                422);

        assertThat(fields(problem)).containsExactlyInAnyOrder("/priority", "/maxTries", "/timeoutSeconds");
        assertThat(problem.getString("detail")).contains("99999999999", "123456789012345678901234567890");
    }

    @Test
    void handlerIsRequired() {
        for (String body : new String[] {"{}", "{\"handler\":\"\"}", "{\"handler\":null,\"params\":{}}"}) {
            JsonObject problem = assertProblem(api.post(Tasks.BASE, body), 422);
            assertThat(fields(problem)).as(body).containsExactly("/handler");
            assertThat(problem.getString("detail")).as(body).contains("required");
        }
    }

    @Test
    void unknownHandlerListsTheKnownHandlers() {
        JsonObject problem = assertProblem(api.post(Tasks.BASE, "{\"handler\":\"no-such-handler\"}"), 400);

        assertThat(problem.getString("type")).endsWith("/unknown-handler");
        assertThat(fields(problem)).containsExactly("/handler");
        assertThat(Problem.strings(problem, "knownHandlers"))
                .contains("noop", "echo", "sleep", "fail", "split", "add.js", "wordcount.js");
    }

    @Test
    void handlerNamesOutsideTheWorkspaceAreUnknownAndNeverStored() {
        String[] names = {
            "../../etc/passwd",
            "/bin/sh",
            "../add.js",
            "./add.js",
            "add.js/../add.js",
            "..%2Fadd.js",
            "..\\\\add.js",
            "README.md",
            "not-executable.sh"
        };
        for (String name : names) {
            String json = "{\"handler\":\"" + name + "\"}";
            JsonObject problem = assertProblem(api.post(Tasks.BASE, json), 400);
            assertThat(problem.getString("type")).as(name).endsWith("/unknown-handler");
            assertThat(Problem.strings(problem, "knownHandlers")).as(name).contains("add.js");
            String stored = name.replace("\\\\", "\\");
            assertThat(Tasks.of(api).page("handler=" + Tasks.encode(stored)).getJsonArray("items"))
                    .as(name)
                    .isEmpty();
        }
    }
}

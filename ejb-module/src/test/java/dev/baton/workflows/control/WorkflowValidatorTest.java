package dev.baton.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatch;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowValidatorTest {

    private static final Set<String> HANDLERS = Set.of("query-db", "sendSms", "sendEmail", "sendWahtsapp");

    private static final WorkflowValidator VALIDATOR = new WorkflowValidator();

    static JsonObject notification() {
        try (InputStream in = WorkflowValidatorTest.class.getResourceAsStream("/workflows/notification.json")) {
            return JsonDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .asJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notification workflow changed by a JSON Patch (RFC 6902). */
    private static JsonValue patched(String patch) {
        JsonArray operations = JsonDocuments.parse(patch).asJsonArray();
        JsonPatch jsonPatch = Json.createPatch(operations);
        return jsonPatch.apply(notification());
    }

    private static WorkflowValidation validate(JsonValue document) {
        return VALIDATOR.validate(document, HANDLERS, Set.of());
    }

    private static WorkflowValidation validate(String document) {
        return validate(JsonDocuments.parse(document));
    }

    /** The single error the document has, asserted to be the only one. */
    private static Violation onlyError(JsonValue document) {
        WorkflowValidation validation = validate(document);
        assertThat(validation.definition()).isNull();
        assertThat(validation.errors()).hasSize(1);
        return validation.errors().get(0);
    }

    private static Violation onlyError(String patch, String field) {
        Violation error = onlyError(patched(patch));
        assertThat(error.field()).isEqualTo(field);
        return error;
    }

    @Test
    void theNotificationWorkflowIsValid() {
        WorkflowValidation validation = validate(notification());

        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).isEmpty();
        WorkflowDefinition definition = validation.orThrow();
        assertThat(definition.name()).isEqualTo("notificationWorkflow");
        assertThat(definition.rootAction()).isEqualTo("1");
        assertThat(definition.timeoutSeconds()).isNull();
        assertThat(definition.source()).isEqualTo(notification());
        assertThat(definition.actions())
                .extracting(WorkflowAction::id)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        WorkflowAction wait = definition.action("7").orElseThrow();
        assertThat(wait.type()).isEqualTo(ActionType.SYSTEM);
        assertThat(wait.systemAction()).contains(SystemAction.WAIT);
        assertThat(wait.event()).isEqualTo("open");
        assertThat(wait.timeoutSeconds()).isEqualTo(20);
        assertThat(wait.next())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("default", List.of("10")),
                        org.assertj.core.api.Assertions.entry("open", List.of("9")));
        assertThat(wait.pointer()).isEqualTo("/actions/6");
        assertThat(definition.action("6").orElseThrow().delaySeconds()).isEqualTo(10);
        assertThat(definition.action("2").orElseThrow().expression()).startsWith("$['user']");
        assertThat(definition.action("1").orElseThrow().parameters())
                .isEqualTo(JsonDocuments.parse("{\"userId\": \"{$.input.userId}\"}"));
        assertThat(definition.action("8").orElseThrow().next()).isEmpty();
        assertThat(definition.action("8").orElseThrow().parameters()).isNotNull();
        assertThat(definition.action("99")).isEmpty();
        assertThat(definition.root().id()).isEqualTo("1");
    }

    @Test
    void stringIdsAndAWorkflowTimeoutAreAccepted() {
        WorkflowValidation validation = validate(
                """
                {"name": "w", "rootAction": "start", "timeoutSeconds": 3600, "actions": [
                  {"id": "start", "type": "user", "name": "sendSms", "timeoutSeconds": 30, "maxTries": 3,
                   "next": {"default": ["end"]}},
                  {"id": "end", "type": "system", "name": "terminate", "parameters": {"status": "FAILED"}}]}
                """);

        WorkflowDefinition definition = validation.orThrow();
        assertThat(definition.timeoutSeconds()).isEqualTo(3600);
        assertThat(definition.action("start").orElseThrow().maxTries()).isEqualTo(3);
        assertThat(definition.action("start").orElseThrow().timeoutSeconds()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"workflow\"", "42", "null"})
    void theDocumentMustBeAnObject(String document) {
        Violation error = onlyError(JsonDocuments.parse(document));

        assertThat(error.field()).isEmpty();
        assertThat(error.message()).contains("must be a JSON object");
    }

    @Test
    void theNameIsRequiredAndUrlSafe() {
        assertThat(onlyError("[{\"op\":\"remove\",\"path\":\"/name\"}]", "/name")
                        .message())
                .contains("'name' is required");
        assertThat(onlyError("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"  \"}]", "/name")
                        .message())
                .contains("blank");
        assertThat(onlyError("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":7}]", "/name")
                        .message())
                .contains("must be a string");
        assertThat(onlyError("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"a/b\"}]", "/name")
                        .message())
                .contains("letters, digits");
        assertThat(onlyError(
                        "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"" + "x".repeat(101) + "\"}]", "/name"))
                .isNotNull();
    }

    @Test
    void theRootActionIsRequiredAndMustNameAnAction() {
        assertThat(onlyError("[{\"op\":\"remove\",\"path\":\"/rootAction\"}]", "/rootAction")
                        .message())
                .contains("'rootAction' is required");
        assertThat(validate(patched("[{\"op\":\"replace\",\"path\":\"/rootAction\",\"value\":\"1\"}]"))
                        .orThrow()
                        .rootAction())
                .as("\"1\" is the same id as 1")
                .isEqualTo("1");
    }

    @Test
    void aRootActionNamingNoActionIsAnError() {
        WorkflowValidation validation =
                validate(patched("[{\"op\":\"replace\",\"path\":\"/rootAction\",\"value\":42}]"));

        assertThat(validation.errors()).first().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/rootAction");
            assertThat(error.message()).contains("'42' names no action");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "{}", "\"x\""})
    void actionsMustBeANonEmptyArray(String actions) {
        Violation error =
                onlyError(JsonDocuments.parse("{\"name\": \"w\", \"rootAction\": 1, \"actions\": " + actions + "}"));

        assertThat(error.field()).isEqualTo("/actions");
        assertThat(error.message()).contains("non-empty array");
    }

    @Test
    void anActionMustBeAnObject() {
        assertThat(onlyError("[{\"op\":\"add\",\"path\":\"/actions/-\",\"value\":[1]}]", "/actions/10")
                        .message())
                .contains("must be a JSON object, not an array");
    }

    @Test
    void idsAreRequiredAndUnique() {
        assertThat(validate(patched("[{\"op\":\"remove\",\"path\":\"/actions/9/id\"}]"))
                        .errors())
                .containsExactly(
                        new Violation("/actions/9/id", "'id' is required (a number or a string)"),
                        new Violation("/actions/6/next/default/0", "no action has id '10'"));
        assertThat(validate(patched("[{\"op\":\"replace\",\"path\":\"/actions/9/id\",\"value\":9}]"))
                        .errors())
                .contains(new Violation("/actions/9/id", "duplicate id '9': /actions/8 has it already"));
        assertThat(validate(patched("[{\"op\":\"replace\",\"path\":\"/actions/9/id\",\"value\":1.5}]"))
                        .errors())
                .first()
                .satisfies(error -> assertThat(error.message()).contains("must be an integer or a string"));
    }

    @Test
    void inputIsNotAnId() {
        WorkflowValidation validation = validate(
                """
                {"name": "w", "rootAction": "input", "actions": [{"id": "input", "type": "user", "name": "sendSms"}]}
                """);

        assertThat(validation.errors()).extracting(Violation::field).contains("/actions/0/id");
        assertThat(validation.errors().get(0).message()).contains("$.input is the workflow's input");
    }

    @Test
    void theTypeIsRequiredAndKnown() {
        assertThat(onlyError("[{\"op\":\"remove\",\"path\":\"/actions/0/type\"}]", "/actions/0/type")
                        .message())
                .contains("'type' is required");
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/0/type\",\"value\":\"human\"}]",
                                "/actions/0/type")
                        .message())
                .isEqualTo("unknown type 'human': use user, system or activity");
    }

    @Test
    void nextMustBeAnObjectOfIdArrays() {
        assertThat(onlyError("[{\"op\":\"add\",\"path\":\"/actions/9/next\",\"value\":[1]}]", "/actions/9/next")
                        .message())
                .contains("must be an object");
        assertThat(onlyError(
                                "[{\"op\":\"add\",\"path\":\"/actions/9/next\",\"value\":{\"default\":4}}]",
                                "/actions/9/next/default")
                        .message())
                .contains("must be an array of action ids");
        assertThat(onlyError(
                                "[{\"op\":\"add\",\"path\":\"/actions/9/next\",\"value\":{\"a/b\":[{}]}}]",
                                "/actions/9/next/a~1b/0")
                        .message())
                .contains("an action id in next must be");
    }

    @Test
    void nextIdsMustNameActions() {
        WorkflowValidation validation =
                validate(patched("[{\"op\":\"replace\",\"path\":\"/actions/1/next/default/0\",\"value\":99}]"));

        assertThat(validation.errors())
                .first()
                .isEqualTo(new Violation("/actions/1/next/default/0", "no action has id '99'"));
        assertThat(validation.errors())
                .contains(new Violation("/actions/2", "action 3 cannot be reached from rootAction 1"));
    }

    @Test
    void aSelfLoopIsAnError() {
        Violation error = onlyError(
                "[{\"op\":\"add\",\"path\":\"/actions/9/next\",\"value\":{\"default\":[10]}}]",
                "/actions/9/next/default/0");

        assertThat(error.message()).isEqualTo("a workflow must not loop: self-loop 10 → 10");
    }

    @Test
    void aCycleNamesItsIdsInOrder() {
        Violation error = onlyError(
                "[{\"op\":\"add\",\"path\":\"/actions/2/next/default\",\"value\":[2]}]", "/actions/2/next/default/0");

        assertThat(error.message()).isEqualTo("a workflow must not loop: cycle 2 → 3 → 2");
    }

    @Test
    void aLongerCycleThroughTheRootIsFound() {
        Violation error = onlyError(
                "[{\"op\":\"add\",\"path\":\"/actions/7/next\",\"value\":{\"default\":[1]}}]",
                "/actions/7/next/default/0");

        assertThat(error.message()).isEqualTo("a workflow must not loop: cycle 1 → 2 → 3 → 4 → 6 → 8 → 1");
    }

    @Test
    void unreachableActionsAreErrors() {
        WorkflowValidation validation =
                validate(patched("[{\"op\":\"replace\",\"path\":\"/actions/2/next\",\"value\":{\"MALE\":[4]}}]"));

        assertThat(validation.errors())
                .containsExactly(
                        new Violation("/actions/4", "action 5 cannot be reached from rootAction 1"),
                        new Violation("/actions/6", "action 7 cannot be reached from rootAction 1"),
                        new Violation("/actions/8", "action 9 cannot be reached from rootAction 1"),
                        new Violation("/actions/9", "action 10 cannot be reached from rootAction 1"));
    }

    @Test
    void anUnknownSystemActionListsTheKnownOnes() {
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/5/name\",\"value\":\"sleep\"}]",
                                "/actions/5/name")
                        .message())
                .isEqualTo("unknown system action 'sleep': use one of delay, switch, javascript, wait, terminate,"
                        + " subworkflow");
    }

    @Test
    void numbersMustBeIntegersInRange() {
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/5/delaySeconds\",\"value\":-1}]",
                                "/actions/5/delaySeconds")
                        .message())
                .contains("from 0 to 2678400");
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/5/delaySeconds\",\"value\":\"10\"}]",
                                "/actions/5/delaySeconds")
                        .message())
                .contains("must be an integer");
        assertThat(onlyError(
                        "[{\"op\":\"replace\",\"path\":\"/actions/5/delaySeconds\",\"value\":1.5}]",
                        "/actions/5/delaySeconds"))
                .isNotNull();
        assertThat(onlyError(
                        "[{\"op\":\"replace\",\"path\":\"/actions/5/delaySeconds\",\"value\":2678401}]",
                        "/actions/5/delaySeconds"))
                .isNotNull();
        assertThat(onlyError(
                        "[{\"op\":\"replace\",\"path\":\"/actions/5/delaySeconds\",\"value\":1e999999999}]",
                        "/actions/5/delaySeconds"))
                .isNotNull();
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/6/timeoutSeconds\",\"value\":0}]",
                                "/actions/6/timeoutSeconds")
                        .message())
                .contains("from 1 to");
        assertThat(onlyError("[{\"op\":\"add\",\"path\":\"/actions/0/maxTries\",\"value\":0}]", "/actions/0/maxTries"))
                .isNotNull();
        assertThat(onlyError(
                        "[{\"op\":\"add\",\"path\":\"/actions/0/timeoutSeconds\",\"value\":true}]",
                        "/actions/0/timeoutSeconds"))
                .isNotNull();
        assertThat(onlyError("[{\"op\":\"add\",\"path\":\"/timeoutSeconds\",\"value\":0}]", "/timeoutSeconds"))
                .isNotNull();
    }

    @Test
    void aDelayNeedsDelaySeconds() {
        assertThat(onlyError("[{\"op\":\"remove\",\"path\":\"/actions/5/delaySeconds\"}]", "/actions/5/delaySeconds")
                        .message())
                .contains("a delay needs 'delaySeconds'");
    }

    @Test
    void aSwitchNeedsOneTemplate() {
        assertThat(onlyError("[{\"op\":\"remove\",\"path\":\"/actions/2/expression\"}]", "/actions/2/expression")
                        .message())
                .contains("a switch needs an 'expression'");
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/2/expression\",\"value\":\"$.1.output.user.gender\"}]",
                                "/actions/2/expression")
                        .message())
                .contains("must be one template");
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/2/expression\",\"value\":\"{$.1.output.}\"}]",
                                "/actions/2/expression")
                        .message())
                .contains("bad JSONPath");
    }

    @Test
    void badTemplatesAnywhereInParametersAreErrorsAtTheString() {
        Violation error = onlyError(
                "[{\"op\":\"add\",\"path\":\"/actions/3/parameters/extra\",\"value\":{\"list\":[\"ok\",\"x {$.input[} y\"]}}]",
                "/actions/3/parameters/extra/list/1");

        assertThat(error.message()).contains("bad JSONPath '$.input['");
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/3/parameters/message\",\"value\":\"Hi {$.input.sms\"}]",
                                "/actions/3/parameters/message")
                        .message())
                .contains("never closed");
    }

    @Test
    void javascriptSyntaxErrorsNameLineAndColumn() {
        Violation error = onlyError(
                "[{\"op\":\"replace\",\"path\":\"/actions/1/expression\",\"value\":\"var a = 1;\\n$.b = (;\"}]",
                "/actions/1/expression");

        assertThat(error.message()).startsWith("syntax error at line 2, column");
        assertThat(onlyError("[{\"op\":\"remove\",\"path\":\"/actions/1/expression\"}]", "/actions/1/expression")
                        .message())
                .contains("needs its source");
    }

    @Test
    void aWaitNeedsAnEventAndATimeout() {
        WorkflowValidation validation = validate(
                patched(
                        "[{\"op\":\"remove\",\"path\":\"/actions/6/event\"},{\"op\":\"remove\",\"path\":\"/actions/6/timeoutSeconds\"}]"));

        assertThat(validation.errors())
                .extracting(Violation::field)
                .containsExactly("/actions/6/event", "/actions/6/timeoutSeconds");
    }

    @Test
    void terminateHasNoNextAndAKnownStatus() {
        String terminate = "[{\"op\":\"replace\",\"path\":\"/actions/5\",\"value\":{\"id\":6,\"type\":\"system\","
                + "\"name\":\"terminate\",\"parameters\":{\"status\":%s}%s}},"
                + "{\"op\":\"remove\",\"path\":\"/actions/7\"}]";

        assertThat(validate(patched(terminate.formatted("\"COMPLETED\"", ""))).errors())
                .isEmpty();
        assertThat(onlyError(terminate.formatted("\"FAILED\"", ",\"next\":{\"default\":[10]}"), "/actions/5/next")
                        .message())
                .contains("cannot have 'next'");
        assertThat(onlyError(terminate.formatted("\"DONE\"", ""), "/actions/5/parameters/status")
                        .message())
                .contains("COMPLETED or FAILED");
    }

    @Test
    void aSubworkflowNamesTheWorkflow() {
        String subworkflow = "[{\"op\":\"replace\",\"path\":\"/actions/9\",\"value\":{\"id\":10,\"type\":\"system\","
                + "\"name\":\"subworkflow\",\"parameters\":%s}}]";

        assertThat(validate(patched(subworkflow.formatted(
                                "{\"workflow\":\"billing\",\"version\":2,\"input\":{\"user\":\"{$.1.output.user}\"}}")))
                        .errors())
                .isEmpty();
        assertThat(onlyError(subworkflow.formatted("{\"input\":{}}"), "/actions/9/parameters/workflow")
                        .message())
                .contains("'workflow' is required");
        assertThat(onlyError(
                        subworkflow.formatted("{\"workflow\":\"b\",\"version\":0}"), "/actions/9/parameters/version"))
                .isNotNull();
        assertThat(onlyError(
                                "[{\"op\":\"replace\",\"path\":\"/actions/9\",\"value\":{\"id\":10,\"type\":\"system\","
                                        + "\"name\":\"subworkflow\"}}]",
                                "/actions/9/parameters")
                        .message())
                .contains("needs 'parameters'");
        assertThat(validate(patched(subworkflow.formatted("{\"workflow\":\"notificationWorkflow\"}")))
                        .warnings())
                .extracting(Violation::field)
                .containsExactly("/actions/9/parameters/workflow");
    }

    @Test
    void unknownHandlersAndActivitiesAreWarnings() {
        JsonValue document = patched("[{\"op\":\"replace\",\"path\":\"/actions/7/type\",\"value\":\"activity\"}]");

        WorkflowValidation validation = VALIDATOR.validate(document, Set.of("query-db"), Set.of("other"));

        assertThat(validation.errors()).isEmpty();
        assertThat(validation.definition()).isNotNull();
        assertThat(validation.warnings())
                .extracting(Violation::field)
                .containsExactly(
                        "/actions/3/name", "/actions/4/name", "/actions/7/name", "/actions/8/name", "/actions/9/name");
        assertThat(validation.warnings().get(0).message())
                .isEqualTo("no registered handler 'sendSms' yet; workers may register it later");
        assertThat(VALIDATOR.validate(document, HANDLERS, Set.of()).warnings()).isEmpty();
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        WorkflowValidation validation = validate(
                """
                {"name": "bad name", "actions": [
                  {"id": 1, "type": "user", "name": "sendSms", "next": {"default": [2, 7]}},
                  {"id": 2, "type": "robot", "name": "x"},
                  "junk",
                  {"id": 2, "type": "system", "name": "delay"}]}
                """);

        assertThat(validation.definition()).isNull();
        assertThat(validation.errors())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "/name",
                        "/rootAction",
                        "/actions/1/type",
                        "/actions/2",
                        "/actions/3/id",
                        "/actions/0/next/default/1");
    }

    @Test
    void orThrowGivesAProblemListingTheErrors() {
        WorkflowValidation validation = validate(patched("[{\"op\":\"remove\",\"path\":\"/name\"}]"));

        assertThatThrownBy(validation::orThrow).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.violations()).isEqualTo(validation.errors());
        });
    }
}

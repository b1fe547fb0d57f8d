package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskRequestParserTest {

    @Test
    void appliesDefaultsToAMinimalRequest() {
        TaskRequest request = TaskRequestParser.parse("{\"handler\": \"echo\"}");

        assertThat(request.handler()).isEqualTo("echo");
        assertThat(request.params()).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
        assertThat(request.priority()).isEqualTo(TaskRequest.DEFAULT_PRIORITY).isEqualTo(50);
        assertThat(request.maxTries()).isEqualTo(TaskRequest.DEFAULT_MAX_TRIES).isEqualTo(10);
        assertThat(request.timeoutSeconds())
                .isEqualTo(TaskRequest.DEFAULT_TIMEOUT_SECONDS)
                .isEqualTo(300);
        assertThat(request.name()).isNull();
        assertThat(request.idempotencyKey()).isNull();
    }

    @Test
    void nullFieldsCountAsAbsent() {
        TaskRequest request = TaskRequestParser.parse("{\"handler\": \"echo\", \"params\": null, \"priority\": null,"
                + " \"name\": null, \"maxTries\": null, \"timeoutSeconds\": null, \"idempotencyKey\": null}");

        assertThat(request.priority()).isEqualTo(50);
        assertThat(request.maxTries()).isEqualTo(10);
        assertThat(request.timeoutSeconds()).isEqualTo(300);
        assertThat(request.name()).isNull();
        assertThat(request.params()).isEqualTo(JsonValue.NULL);
    }

    @Test
    void readsEveryField() {
        TaskRequest request = TaskRequestParser.parse("{\"handler\": \"add.js\", \"params\": {\"a\": 1, \"b\": [2]},"
                + " \"priority\": 90, \"name\": \"nightly\", \"maxTries\": 3, \"timeoutSeconds\": 60,"
                + " \"idempotencyKey\": \"k-1\"}");

        assertThat(request)
                .isEqualTo(new TaskRequest(
                        "add.js",
                        Json.createObjectBuilder()
                                .add("a", 1)
                                .add("b", Json.createArrayBuilder().add(2))
                                .build(),
                        90,
                        "nightly",
                        3,
                        60,
                        "k-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "42", "true"})
    void paramsMayBeAnyJsonValue(String params) {
        TaskRequest request = TaskRequestParser.parse("{\"handler\": \"echo\", \"params\": " + params + "}");

        assertThat(request.params().toString().replace(" ", "")).isEqualTo(params.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "handler        | 5          | must be a string, not the number 5",
                "handler        | true       | must be a string, not a boolean",
                "name           | {}         | must be a string, not an object",
                "idempotencyKey | []         | must be a string, not an array",
                "priority       | \"5\"      | must be an integer, not a string",
                "priority       | 5.5        | must be an integer, not the number 5.5",
                "maxTries       | false      | must be an integer, not a boolean",
                "maxTries       | [3]        | must be an integer, not an array",
                "timeoutSeconds | {\"s\": 1} | must be an integer, not an object",
                "timeoutSeconds | 1.0        | must be an integer, not the number 1.0",
            })
    void aWrongTypeIsA400NamingTheField(String field, String value, String message) {
        String handler = field.equals("handler") ? "" : "\"handler\": \"echo\", ";

        ProblemException problem = problem("{" + handler + "\"" + field + "\": " + value + "}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("bad-request");
        assertThat(problem.violations()).containsExactly(new Violation("/" + field, message));
    }

    @Test
    void everyTypeErrorAndUnknownFieldIsReportedAtOnce() {
        ProblemException problem = problem("{\"handler\": 1, \"priority\": \"high\", \"colour\": \"red\"}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/handler", "/priority", "/colour");
        assertThat(problem.getMessage()).contains("/handler", "/priority", "/colour");
    }

    @Test
    void anUnknownFieldIsA400ListingTheKnownOnes() {
        ProblemException problem = problem("{\"handler\": \"echo\", \"retries\": 3}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("/retries");
            assertThat(v.message())
                    .contains(
                            "unknown field",
                            "handler, idempotencyKey, maxTries, name, params, priority, timeoutSeconds");
        });
    }

    @ParameterizedTest
    @CsvSource({"a/b, /a~1b", "m~n, /m~0n", "~/, /~0~1"})
    void unknownFieldNamesAreEscapedAsJsonPointers(String field, String pointer) {
        ProblemException problem = problem("{\"handler\": \"echo\", \"" + field + "\": 1}");

        assertThat(problem.violations()).extracting(Violation::field).containsExactly(pointer);
    }

    @Test
    void everyRangeViolationIsA422ReportedAtOnce() {
        ProblemException problem = problem("{\"handler\": \" \", \"priority\": -1, \"maxTries\": 0,"
                + " \"timeoutSeconds\": 86401, \"idempotencyKey\": \"\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("validation");
        assertThat(problem.violations())
                .containsExactlyInAnyOrder(
                        new Violation("/handler", "is required"),
                        new Violation("/priority", "must be between 0 and 100 (was -1)"),
                        new Violation("/maxTries", "must be between 1 and 100 (was 0)"),
                        new Violation("/timeoutSeconds", "must be between 1 and 86400 (was 86401)"),
                        new Violation("/idempotencyKey", "must be 1 to 200 characters"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "priority, 101, 0, 100",
        "maxTries, 101, 1, 100",
        "timeoutSeconds, 0, 1, 86400",
        "priority, 2147483648, 0, 100",
        "maxTries, -99999999999999999999, 1, 100",
        "timeoutSeconds, 99999999999999999999999, 1, 86400"
    })
    void anIntegerOutOfRangeIsA422EvenWhenItIsHuge(String field, String value, int min, int max) {
        ProblemException problem = problem("{\"handler\": \"echo\", \"" + field + "\": " + value + "}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("/" + field);
            assertThat(v.message()).startsWith("must be between " + min + " and " + max);
        });
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        TaskRequest low = TaskRequestParser.parse(
                "{\"handler\": \"echo\", \"priority\": 0, \"maxTries\": 1, \"timeoutSeconds\": 1}");
        TaskRequest high = TaskRequestParser.parse(
                "{\"handler\": \"echo\", \"priority\": 100, \"maxTries\": 100, \"timeoutSeconds\": 86400}");

        assertThat(low).extracting("priority", "maxTries", "timeoutSeconds").containsExactly(0, 1, 1);
        assertThat(high).extracting("priority", "maxTries", "timeoutSeconds").containsExactly(100, 100, 86400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"handler", "name", "idempotencyKey"})
    void textsLongerThan200CharactersAreA422(String field) {
        String ok = "x".repeat(200);
        String tooLong = "x".repeat(201);
        String handler = field.equals("handler") ? "" : "\"handler\": \"echo\", ";

        TaskRequest accepted = TaskRequestParser.parse("{" + handler + "\"" + field + "\": \"" + ok + "\"}");
        ProblemException problem = problem("{" + handler + "\"" + field + "\": \"" + tooLong + "\"}");

        assertThat(accepted).extracting(field).isEqualTo(ok);
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("/" + field);
            assertThat(v.message()).contains("200 characters");
        });
    }

    @Test
    void aMissingHandlerIsA422() {
        ProblemException problem = problem("{\"params\": {}}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).containsExactly(new Violation("/handler", "is required"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"[]| an array", "\"echo\"| a string", "42| the number 42", "null| null", "false| a boolean"})
    void aBodyThatIsNotAnObjectIsA400(String body, String what) {
        ProblemException problem = problem(body);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).containsExactly(new Violation("body", "must be a JSON object, not " + what));
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() {
        ProblemException problem = problem("{\n  \"handler\": tru\n}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("malformed-json");
        assertThat(problem.extensions()).containsEntry("line", 2L).containsEntry("column", 17L);
        assertThat(problem.getMessage()).contains("line 2, column 17");
    }

    private static ProblemException problem(String body) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> TaskRequestParser.parse(body));
        assertThat(problem).as("a problem for %s", body).isNotNull();
        return problem;
    }
}

package dev.baton.handlers.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.handlers.spi.ChildSpec;
import dev.baton.handlers.spi.HandlerOutcome;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptOutputTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n"})
    void emptyStdoutIsANullResult(String stdout) {
        assertThat(ScriptOutput.parse(stdout)).isEqualTo(HandlerOutcome.success(JsonValue.NULL));
        assertThat(ScriptOutput.parse(null)).isEqualTo(HandlerOutcome.success(JsonValue.NULL));
    }

    @Test
    void anyJsonValueIsTheResult() {
        assertThat(ScriptOutput.parse("3\n")).isEqualTo(HandlerOutcome.success(Json.createValue(3)));
        assertThat(ScriptOutput.parse("{\"sum\": 3}"))
                .isEqualTo(HandlerOutcome.success(
                        Json.createObjectBuilder().add("sum", 3).build()));
        assertThat(ScriptOutput.parse("\"ok\"")).isEqualTo(HandlerOutcome.success(Json.createValue("ok")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{\"a\": ", "{\"a\": 1} {\"b\": 2}", "1 2", "[1]\ntrailing log line"})
    void stdoutThatIsNotExactlyOneJsonValueIsAFailure(String stdout) {
        assertThat(ScriptOutput.parse(stdout)).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            assertThat(f.error()).startsWith("stdout is not a JSON value").contains("stdout began: ");
            assertThat(f.timedOut()).isFalse();
        });
    }

    @Test
    void theFailureQuotesOnlyTheBeginningOfALongStdout() {
        String stdout = "x".repeat(500);

        HandlerOutcome outcome = ScriptOutput.parse(stdout);

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> assertThat(f.error())
                .endsWith("stdout began: " + "x".repeat(200) + "..."));
    }

    @Test
    void deeplyNestedStdoutIsAFailureNotACrash() {
        assertThat(ScriptOutput.parse("[".repeat(5000))).isInstanceOf(HandlerOutcome.Failure.class);
    }

    @Test
    void aSplitListsTheChildren() {
        HandlerOutcome outcome = ScriptOutput.parse("{\"$split\": ["
                + "{\"handler\": \"count.js\", \"params\": {\"line\": \"a b\"}, \"priority\": 70, \"name\": \"first\"},"
                + "{\"handler\": \"count.js\"}]}");

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.split(java.util.List.of(
                        new ChildSpec(
                                "count.js",
                                Json.createObjectBuilder().add("line", "a b").build(),
                                70,
                                "first"),
                        new ChildSpec("count.js", JsonValue.EMPTY_JSON_OBJECT, null, null))));
    }

    @Test
    void aSplitIgnoresWronglyTypedOptionalFields() {
        HandlerOutcome outcome =
                ScriptOutput.parse("{\"$split\": [{\"handler\": \"x\", \"priority\": \"high\", \"name\": 5}]}");

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.split(
                        java.util.List.of(new ChildSpec("x", JsonValue.EMPTY_JSON_OBJECT, null, null))));
    }

    @Test
    void anObjectWithMoreThanTheSplitKeyIsAPlainResult() {
        HandlerOutcome outcome = ScriptOutput.parse("{\"$split\": [{\"handler\": \"x\"}], \"other\": 1}");

        assertThat(outcome).isInstanceOf(HandlerOutcome.Success.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"$split\": []}                           | $split must be a non-empty array",
                "{\"$split\": {\"handler\": \"x\"}}         | $split must be a non-empty array",
                "{\"$split\": null}                         | $split must be a non-empty array",
                "{\"$split\": [{\"handler\": \"x\"}, 3]}    | $split[1] must be an object",
                "{\"$split\": [{\"params\": {}}]}           | $split[0].handler must be a string",
                "{\"$split\": [{\"handler\": 7}]}           | $split[0].handler must be a string",
            })
    void aMalformedSplitIsAFailure(String stdout, String error) {
        assertThat(ScriptOutput.parse(stdout))
                .isInstanceOfSatisfying(
                        HandlerOutcome.Failure.class, f -> assertThat(f.error()).startsWith(error));
    }
}

package dev.baton.infrastructure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.infrastructure.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDocumentsTest {

    @Test
    void parsesAnyJsonValueWithSurroundingWhitespace() {
        assertThat(JsonDocuments.parse(" {\"a\": [1, true, null]}\n"))
                .isEqualTo(Json.createObjectBuilder()
                        .add("a", Json.createArrayBuilder().add(1).add(true).addNull())
                        .build());
        assertThat(JsonDocuments.parse("\"text\"")).isEqualTo(Json.createValue("text"));
        assertThat(JsonDocuments.parse("null")).isEqualTo(JsonValue.NULL);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'{\n  \"a\": tru\n}'  | 2 | 11",
                "'{\"a\": 1,}'        | 1 | 9",
                "'\n\n   {\"a\" 1}'    | 3 | 9",
            })
    void malformedJsonIsA400WithLineAndColumn(String text, long line, long column) {
        ProblemException problem = malformed(text);

        assertThat(problem.extensions()).containsEntry("line", line).containsEntry("column", column);
        assertThat(problem.getMessage()).contains("line " + line + ", column " + column);
        assertThat(problem.violations()).singleElement().satisfies(v -> assertThat(v.field())
                .isEqualTo("body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{\"a\": 1}{\"b\": 2}", "1 2", "[1] ]", "null null"})
    void contentAfterTheValueIsMalformed(String text) {
        ProblemException problem = malformed(text);

        assertThat(problem.extensions()).containsKeys("line", "column");
    }

    @Test
    void tooDeeplyNestedJsonIsMalformedNotACrash() {
        ProblemException problem = malformed("[".repeat(5000) + "]".repeat(5000));

        assertThat(problem.getMessage()).contains("nested");
    }

    @Test
    void aNumberLongerThanTheParserAcceptsIsMalformedNotACrash() {
        ProblemException problem = malformed("{\"n\": " + "9".repeat(2000) + "}");

        assertThat(problem.getMessage()).contains("2000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t"})
    void aBlankDocumentIsA400(String text) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> JsonDocuments.parse(text));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).singleElement().satisfies(v -> assertThat(v.field())
                .isEqualTo("body"));
    }

    @Test
    void printAndParseStoredRoundTrip() {
        JsonValue value = Json.createObjectBuilder()
                .add("text", "line\n\"quoted\" ünïcode")
                .add("n", 1.5)
                .build();

        String printed = JsonDocuments.print(value);

        assertThat(printed).doesNotContain("\n");
        assertThat(JsonDocuments.parseStored(printed)).isEqualTo(value);
        assertThat(JsonDocuments.print(null)).isNull();
        assertThat(JsonDocuments.parseStored(null)).isNull();
    }

    private static ProblemException malformed(String text) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> JsonDocuments.parse(text));
        assertThat(problem).as("a problem for %s", text).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("malformed-json");
        return problem;
    }
}

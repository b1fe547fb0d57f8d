package dev.baton.activities.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.activities.control.PluginReport.Kind;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginReportTest {

    private static ProblemException problem(Kind kind, String body) {
        return catchThrowableOfType(() -> PluginReport.parse(kind, body), ProblemException.class);
    }

    @Test
    void aCompletionCarriesAnOptionalMessageAndAnyResult() {
        PluginReport report = PluginReport.parse(Kind.COMPLETE, "{\"message\":\"done\",\"result\":{\"pages\":3}}");

        assertThat(report.message()).isEqualTo("done");
        assertThat(report.resultText()).isEqualTo("{\"pages\":3}");
        assertThat(PluginReport.parse(Kind.COMPLETE, "").message()).isNull();
        assertThat(PluginReport.parse(Kind.COMPLETE, "{}").resultText()).isNull();
        assertThat(PluginReport.parse(Kind.COMPLETE, "{\"result\":null}").resultText())
                .isNull();
        assertThat(PluginReport.parse(Kind.COMPLETE, "{\"result\":[1,\"a\"]}").resultText())
                .isEqualTo("[1,\"a\"]");
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"PROGRESS", "ERROR"})
    void progressAndErrorNeedAMessage(Kind kind) {
        assertThat(PluginReport.parse(kind, "{\"message\":\"m\"}").message()).isEqualTo("m");

        ProblemException missing = problem(kind, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.violations()).extracting(Violation::field).containsExactly("/message");
        assertThat(problem(kind, "").status()).isEqualTo(400);
    }

    @Test
    void wrongTypesAndUnknownFieldsAre400NamingEachField() {
        ProblemException problem = problem(Kind.ERROR, "{\"message\":1,\"result\":2}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).extracting(Violation::field).containsExactlyInAnyOrder("/message", "/result");
        assertThat(problem(Kind.COMPLETE, "{\"message\":[],\"colour\":1}").violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/message", "/colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"x\"", "{\"message\":", "null"})
    void bodiesThatAreNoObjectAre400(String body) {
        for (Kind kind : Kind.values()) {
            assertThat(problem(kind, body).status()).as(kind + " " + body).isEqualTo(400);
        }
    }

    @Test
    void kindsAreNamedInLowerCase() {
        assertThat(Kind.of("complete")).isEqualTo(Kind.COMPLETE);
        assertThat(Kind.of("progress")).isEqualTo(Kind.PROGRESS);
        assertThat(Kind.of("error")).isEqualTo(Kind.ERROR);
        assertThat(Kind.of("register")).isNull();
        assertThat(Kind.of(null)).isNull();
    }
}

package dev.baton.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import org.junit.jupiter.api.Test;

class RunRequestParserTest {

    @Test
    void readsOrchysExecuteBody() {
        RunRequest request = RunRequestParser.parse("{\"name\": \"notify\", \"input\": {\"userId\": 7}}", null);

        assertThat(request.workflow()).isEqualTo("notify");
        assertThat(request.input().asJsonObject().getInt("userId")).isEqualTo(7);
        assertThat(request.priority()).isEqualTo(RunRequest.DEFAULT_PRIORITY);
        assertThat(request.version()).isNull();
        assertThat(request.idempotencyKey()).isNull();
    }

    @Test
    void anEmptyBodyStartsTheWorkflowNamedByThePath() {
        assertThat(RunRequestParser.parse("", "notify"))
                .isEqualTo(new RunRequest("notify", null, null, RunRequest.DEFAULT_PRIORITY, null));
    }

    @Test
    void readsBatonsOptionalFields() {
        RunRequest request = RunRequestParser.parse(
                "{\"version\": 3, \"priority\": 90, \"idempotencyKey\": \"k\", \"input\": null}", "notify");

        assertThat(request).isEqualTo(new RunRequest("notify", 3, null, 90, "k"));
    }

    @Test
    void wrongTypesAre400NamingEveryField() {
        ProblemException problem = catchThrowableOfType(
                () -> RunRequestParser.parse(
                        "{\"name\": 1, \"input\": [1], \"priority\": \"high\", \"colour\": \"red\"}", null),
                ProblemException.class);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/name", "/input", "/priority", "/colour");
    }

    @Test
    void brokenRulesAre422() {
        ProblemException problem = catchThrowableOfType(
                () -> RunRequestParser.parse("{\"priority\": 101, \"version\": 0, \"idempotencyKey\": \"\"}", null),
                ProblemException.class);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/name", "/priority", "/version", "/idempotencyKey");
    }

    @Test
    void aBodyNamingAnotherWorkflowThanThePathIsRefused() {
        ProblemException problem = catchThrowableOfType(
                () -> RunRequestParser.parse("{\"name\": \"other\"}", "notify"), ProblemException.class);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.getMessage()).contains("other").contains("notify");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ProblemException problem = catchThrowableOfType(
                () -> RunRequestParser.parse("{\n  \"name\": \"x\",\n  \"input\": {,}\n}", null),
                ProblemException.class);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).contains("line 3");
    }

    @Test
    void taskOriginsNameTheRunAndAction() {
        String origin = ActionStarter.origin("01a2-run", "sendSms");

        assertThat(ActionStarter.parseOrigin(origin)).containsExactly("01a2-run", "sendSms");
        assertThat(ActionStarter.parseOrigin(null)).isNull();
        assertThat(ActionStarter.parseOrigin("jms")).isNull();
    }
}

package dev.baton.activities.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.activities.entity.PluginCompletion;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginRegistrationTest {

    private static ProblemException problem(String activity, String body) {
        return catchThrowableOfType(() -> PluginRegistration.parse(activity, body), ProblemException.class);
    }

    @Test
    void readsEveryField() {
        PluginRegistration registration = PluginRegistration.parse(
                "billing",
                "{\"name\":\"fraud-check\",\"stage\":\"pre\",\"order\":1,\"handler\":\"fraud\","
                        + "\"filter\":\"region = 'EU' AND amount > 1000\",\"timeoutSeconds\":30,\"optional\":true,"
                        + "\"completion\":\"report\"}");

        assertThat(registration)
                .isEqualTo(new PluginRegistration(
                        "billing",
                        "fraud-check",
                        PluginStage.PRE,
                        1,
                        "fraud",
                        "region = 'EU' AND amount > 1000",
                        30,
                        true,
                        PluginCompletion.REPORT));
    }

    @Test
    void onlyNameStageAndHandlerAreNeededForAParallelPlugin() {
        PluginRegistration registration =
                PluginRegistration.parse("a", "{\"name\":\"p\",\"stage\":\"PARALLEL\",\"handler\":\"h\"}");

        assertThat(registration)
                .isEqualTo(new PluginRegistration(
                        "a", "p", PluginStage.PARALLEL, null, "h", null, null, false, PluginCompletion.HANDLER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "REPORT", " Report "})
    void completionReportMakesThePluginReportItsOwnEnd(String completion) {
        PluginRegistration registration = PluginRegistration.parse(
                "a", "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"completion\":\"" + completion + "\"}");

        assertThat(registration.completion()).isEqualTo(PluginCompletion.REPORT);
        assertThat(PluginRegistration.parse(
                                "a",
                                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"completion\":\"handler\"}")
                        .completion())
                .isEqualTo(PluginCompletion.HANDLER);
    }

    @Test
    void aParallelPluginsOrderIsIgnored() {
        assertThat(PluginRegistration.parse(
                                "a", "{\"name\":\"p\",\"stage\":\"parallel\",\"order\":-5,\"handler\":\"h\"}")
                        .order())
                .isNull();
    }

    @Test
    void aBlankFilterMatchesEverything() {
        assertThat(PluginRegistration.parse(
                                "a",
                                "{\"name\":\"p\",\"stage\":\"post\",\"order\":2,\"handler\":\"h\",\"filter\":\"  \"}")
                        .filter())
                .isNull();
    }

    @Test
    void wrongTypesAndUnknownFieldsAre400NamingEachField() {
        ProblemException problem = problem(
                "a",
                "{\"name\":1,\"stage\":true,\"order\":1.5,\"handler\":[],\"filter\":2,\"timeoutSeconds\":\"30\","
                        + "\"optional\":\"yes\",\"completion\":true,\"colour\":\"red\"}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "/name",
                        "/stage",
                        "/order",
                        "/handler",
                        "/filter",
                        "/timeoutSeconds",
                        "/optional",
                        "/completion",
                        "/colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1]", "\"x\"", "{\"name\":", "{\"name\":\"a\",\"name\":\"b\"}"})
    void malformedBodiesAre400(String body) {
        assertThat(problem("a", body).status()).isEqualTo(400);
    }

    @Test
    void missingRequiredFieldsAre422() {
        ProblemException problem = problem("a", "{}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/name", "/stage", "/handler");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pre", "post"})
    void sequentialStagesNeedAnOrder(String stage) {
        ProblemException problem = problem("a", "{\"name\":\"p\",\"stage\":\"" + stage + "\",\"handler\":\"h\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).extracting(Violation::field).containsExactly("/order");
    }

    @Test
    void brokenRulesAre422NamingEachField() {
        ProblemException problem = problem(
                "a",
                "{\"name\":\"no spaces\",\"stage\":\"middle\",\"handler\":\"" + "h".repeat(201)
                        + "\",\"timeoutSeconds\":86401,\"completion\":\"later\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("/name", "/stage", "/handler", "/timeoutSeconds", "/completion");
        assertThat(problem.getMessage()).contains("handler, report").contains("'later'");
    }

    @Test
    void limitsAreInclusive() {
        PluginRegistration registration = PluginRegistration.parse(
                "a".repeat(100),
                "{\"name\":\"" + "n".repeat(100) + "\",\"stage\":\"pre\",\"order\":0,\"handler\":\"" + "h".repeat(200)
                        + "\",\"timeoutSeconds\":86400}");

        assertThat(registration.timeoutSeconds()).isEqualTo(86_400);
        assertThat(problem("a", "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"timeoutSeconds\":0}")
                        .violations())
                .extracting(Violation::field)
                .containsExactly("/timeoutSeconds");
        assertThat(problem("a", "{\"name\":\"" + "n".repeat(101) + "\",\"stage\":\"parallel\",\"handler\":\"h\"}")
                        .violations())
                .extracting(Violation::field)
                .containsExactly("/name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/y", "ü"})
    void theActivityNameOfThePathFollowsTheNameRule(String activity) {
        ProblemException problem = problem(activity, "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).extracting(Violation::field).containsExactly("activity");
    }

    @Test
    void anInvalidFilterIs422AtFilterWithTheColumn() {
        ProblemException problem = problem(
                "a", "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"filter\":\"region = 'EU' AND\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).hasSize(1);
        Violation violation = problem.violations().get(0);
        assertThat(violation.field()).isEqualTo("/filter");
        assertThat(violation.message()).contains("column 18");
    }

    @Test
    void aStaticallyWrongFilterIsRefusedToo() {
        ProblemException problem = problem(
                "a", "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"filter\":\"amount + 'x' > 1\"}");

        assertThat(problem.violations()).extracting(Violation::field).containsExactly("/filter");
    }

    @Test
    void deregistrationBodiesNameThePlugin() {
        assertThat(PluginRegistration.parseName("{\"name\":\"p\"}")).isEqualTo("p");
        assertThat(catchThrowableOfType(() -> PluginRegistration.parseName("{}"), ProblemException.class)
                        .status())
                .isEqualTo(422);
        assertThat(catchThrowableOfType(
                                () -> PluginRegistration.parseName("{\"name\":\"p\",\"stage\":\"pre\"}"),
                                ProblemException.class)
                        .status())
                .isEqualTo(400);
    }
}

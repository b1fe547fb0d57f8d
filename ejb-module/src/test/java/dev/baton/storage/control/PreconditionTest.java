package dev.baton.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import dev.baton.storage.control.Precondition.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionTest {

    @Test
    void noHeadersIsNoCondition() {
        assertThat(Precondition.forPut(null, null)).isEqualTo(Precondition.NONE);
        assertThat(Precondition.forDelete(null, null)).isEqualTo(Precondition.NONE);
        assertThatCode(() -> Precondition.NONE.check("a", null, false)).doesNotThrowAnyException();
        assertThatCode(() -> Precondition.NONE.check("a", 3L, true)).doesNotThrowAnyException();
    }

    @Test
    void ifMatchTakesQuotedVersionsAsTheETagGivesThem() {
        assertThat(Precondition.forPut("\"3\"", null)).isEqualTo(new Precondition(Kind.IF_MATCH, List.of(3L)));
        assertThat(Precondition.forPut(" \"3\" , \"5\"", null))
                .isEqualTo(new Precondition(Kind.IF_MATCH, List.of(3L, 5L)));
        assertThat(Precondition.forDelete("*", null)).isEqualTo(new Precondition(Kind.IF_MATCH_ANY, List.of()));
        assertThat(Precondition.forPut(null, "*")).isEqualTo(Precondition.CREATE_ONLY);
    }

    @Test
    void aWeakTagNeverMatches() {
        Precondition weak = Precondition.forPut("W/\"3\"", null);

        assertThat(weak).isEqualTo(new Precondition(Kind.IF_MATCH, List.of()));
        assertThatThrownBy(() -> weak.check("a", 3L, true)).isInstanceOf(ProblemException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"\"", "\"3", "\"a\"", "\"-1\"", "\"3\",", "", "**", "\"12345678901234567890\""})
    void aMalformedIfMatchIsA400NamingTheHeader(String header) {
        assertThatThrownBy(() -> Precondition.forPut(header, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("If-Match");
                });
    }

    @Test
    void ifNoneMatchIsOnlyTheStarOfCreateOnlyAndNeverOnDelete() {
        assertThatThrownBy(() -> Precondition.forPut(null, "\"3\""))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("If-None-Match"));
        assertThatThrownBy(() -> Precondition.forDelete(null, "*"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Precondition.forPut("\"1\"", "*"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void ifMatchHoldsOnlyForTheCurrentVersionOfAValue() {
        Precondition three = Precondition.ifMatch(3);

        assertThatCode(() -> three.check("a", 3L, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> three.check("a", 4L, true)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(412);
            assertThat(e.type()).isEqualTo("precondition-failed");
            assertThat(e.getMessage()).isEqualTo("If-Match: 'a' is at version 4, not 3");
            assertThat(e.extensions()).isEqualTo(Map.of("currentVersion", 4L));
            assertThat(e.violations()).extracting(Violation::field).containsExactly("If-Match");
        });
        assertThatThrownBy(() -> three.check("a", null, false)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(412);
            assertThat(e.getMessage()).isEqualTo("If-Match: nothing is stored at 'a'");
            assertThat(e.extensions()).isEmpty();
        });
        assertThatThrownBy(() -> three.check("a", null, true))
                .hasMessage("If-Match: 'a' holds a subtree, which has no version");
    }

    @Test
    void ifMatchStarHoldsWhenAnythingIsStored() {
        Precondition any = Precondition.forPut("*", null);

        assertThatCode(() -> any.check("a", 1L, true)).doesNotThrowAnyException();
        assertThatCode(() -> any.check("a", null, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> any.check("a", null, false)).hasMessage("If-Match: nothing is stored at 'a'");
    }

    @Test
    void createOnlyHoldsWhenNothingIsStored() {
        assertThatCode(() -> Precondition.CREATE_ONLY.check("a", null, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Precondition.CREATE_ONLY.check("a", 2L, true))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).isEqualTo("If-None-Match: 'a' already exists at version 2");
                    assertThat(e.extensions()).isEqualTo(Map.of("currentVersion", 2L));
                });
        assertThatThrownBy(() -> Precondition.CREATE_ONLY.check("a", null, true))
                .hasMessage("If-None-Match: 'a' already exists (a subtree)");
    }
}

package dev.baton.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoragePathTest {

    @Test
    void segmentsAreJoinedByDots() {
        StoragePath path = StoragePath.parse("counters.jobs-2024.done_ok");

        assertThat(path.segments()).containsExactly("counters", "jobs-2024", "done_ok");
        assertThat(path.root()).isEqualTo("counters");
        assertThat(path.name()).isEqualTo("done_ok");
        assertThat(path.depth()).isEqualTo(3);
        assertThat(path.parentText()).isEqualTo("counters.jobs-2024");
        assertThat(path.ancestors()).containsExactly("counters", "counters.jobs-2024");
        assertThat(path.toString()).isEqualTo("counters.jobs-2024.done_ok");
    }

    @Test
    void aPathOfOneSegmentHasNoParent() {
        StoragePath path = StoragePath.parse("A_z-0");

        assertThat(path.parentText()).isNull();
        assertThat(path.ancestors()).isEmpty();
        assertThat(path.root()).isEqualTo("A_z-0");
    }

    @Test
    void theLongestPathAndSegmentAreAccepted() {
        String segment = "s".repeat(100);
        String longest = (segment + ".").repeat(4) + "t".repeat(96); // 4 * 101 + 96 = 500

        assertThat(StoragePath.parse(segment).text()).hasSize(100);
        assertThat(StoragePath.parse(longest).text()).hasSize(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a.", ".a", "a..b", "a b", "a/b", "a.b c", "ä", "a:b", "a%2Eb", "a\tb", "a.*"})
    void malformedPathsAreA400NamingThePath(String text) {
        assertThatThrownBy(() -> StoragePath.parse(text)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.violations()).extracting(Violation::field).containsExactly("path");
        });
    }

    @Test
    void theMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> StoragePath.parse("")).hasMessage("path: must not be empty");
        assertThatThrownBy(() -> StoragePath.parse("a..b")).hasMessageStartingWith("path: segment 2 is empty");
        assertThatThrownBy(() -> StoragePath.parse("a.b c"))
                .hasMessage("path: segment 2 ('b c') may hold only the characters A-Z a-z 0-9 _ -");
        assertThatThrownBy(() -> StoragePath.parse("a.x\u0001"))
                .hasMessage("path: segment 2 ('x\\u0001') may hold only the characters A-Z a-z 0-9 _ -");
        assertThatThrownBy(() -> StoragePath.parse("a." + "x".repeat(101)))
                .hasMessage("path: segment 2 is longer than 100 characters");
        assertThatThrownBy(() -> StoragePath.parse("a.".repeat(250) + "b"))
                .hasMessage("path: must be at most 500 characters, was 501");
    }

    @Test
    void theDescendantPatternEscapesUnderscoresWhichLikeWouldTakeForAnyCharacter() {
        assertThat(StoragePath.parse("a_b.c").descendantPattern()).isEqualTo("a!_b.c.%");
        assertThat(StoragePath.parse("ab-1").descendantPattern()).isEqualTo("ab-1.%");
    }

    @Test
    void relativeIsThePartBelowThePath() {
        StoragePath base = StoragePath.parse("a.b");

        assertThat(base.relative("a.b.c.d")).isEqualTo("c.d");
        assertThatThrownBy(() -> base.relative("a.bc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.relative("a.b")).isInstanceOf(IllegalArgumentException.class);
    }
}

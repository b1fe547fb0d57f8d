package dev.baton.activities.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public API, the limits, and evaluation properties that tables do not show. */
class SelectorTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\r\n\f "})
    void noSelectorMatchesEverything(String text) {
        Selector selector = Selector.compile(text);
        assertThat(selector.matches(Map.of())).isTrue();
        assertThat(selector.matches(null)).isTrue();
        assertThat(selector.matches(Map.of("a", 1L))).isTrue();
        assertThat(selector.source()).isEqualTo(text == null ? "" : text);
    }

    @Test
    void keepsItsSource() {
        Selector selector = Selector.compile("  color = 'blue' AND weight > 2500 ");
        assertThat(selector.source()).isEqualTo("  color = 'blue' AND weight > 2500 ");
        assertThat(selector).hasToString("  color = 'blue' AND weight > 2500 ");
        assertThat(selector)
                .isEqualTo(Selector.compile("  color = 'blue' AND weight > 2500 "))
                .hasSameHashCodeAs(Selector.compile("  color = 'blue' AND weight > 2500 "))
                .isNotEqualTo(Selector.compile("color = 'blue' AND weight > 2500"));
    }

    @Test
    void theSpecsExample() {
        Selector selector = Selector.compile("JMSType = 'car' AND color = 'blue' AND weight > 2500");
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", 3000)))
                .isTrue();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", 2500)))
                .isFalse();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "red", "weight", 3000)))
                .isFalse();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue"))).isFalse();
    }

    @Test
    void nullAttributesAreNone() {
        assertThat(Selector.compile("a IS NULL").matches(null)).isTrue();
        assertThat(Selector.compile("a = 1").matches(null)).isFalse();
        assertThat(Selector.compile("NOT (a = 1)").matches(null)).isFalse();
    }

    @Test
    void valuesOfOtherTypesAreLikeNothingAndNotNumbers() {
        Map<String, Object> attributes = Map.of("x", new BigDecimal("1"), "c", 'c', "list", List.of());
        assertThat(Selector.compile("x = 1").matches(attributes)).isFalse();
        assertThat(Selector.compile("x <> 1").matches(attributes)).isFalse();
        assertThat(Selector.compile("NOT (x + 1 = 2)").matches(attributes)).isFalse();
        assertThat(Selector.compile("c = 'c'").matches(attributes)).isFalse();
        assertThat(Selector.compile("c LIKE '%'").matches(attributes)).isFalse();
        assertThat(Selector.compile("list IS NOT NULL").matches(attributes)).isTrue();
    }

    @Test
    void aCompiledSelectorIsReusedAcrossThreads() throws Exception {
        Selector selector =
                Selector.compile("(n BETWEEN 10 AND 20 OR name LIKE 'x%') AND (tag IS NULL OR tag NOT IN ('skip'))");
        List<Map<String, Object>> inputs = IntStream.range(0, 2_000)
                .mapToObj(i -> {
                    Map<String, Object> attributes = new HashMap<>();
                    attributes.put("n", (long) (i % 30));
                    attributes.put("name", i % 3 == 0 ? "x" + i : "y" + i);
                    attributes.put("tag", i % 7 == 0 ? "skip" : null);
                    return attributes;
                })
                .collect(Collectors.toList());
        List<Boolean> expected = inputs.stream().map(selector::matches).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(
                        pool.submit(() -> inputs.stream().map(selector::matches).toList()));
            }
            for (Future<List<Boolean>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).contains(true, false);
    }

    @Test
    void lengthIsLimited() {
        String atLimit = "a = '" + "x".repeat(Selector.MAX_LENGTH - 6) + "'";
        assertThat(atLimit).hasSize(4096);
        assertThat(Selector.compile(atLimit).matches(Map.of("a", "x".repeat(4090))))
                .isTrue();
        assertThatThrownBy(() -> Selector.compile(atLimit + " "))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(4097);
                    assertThat(e.problem()).isEqualTo("the selector is longer than 4096 characters");
                });
    }

    @Test
    void parenthesesNestAtMostOneHundredDeep() {
        String ok = "(".repeat(100) + "a = 1" + ")".repeat(100);
        assertThat(Selector.compile(ok).matches(Map.of("a", 1L))).isTrue();
        assertThatThrownBy(() -> Selector.compile("(".repeat(101) + "a = 1" + ")".repeat(101)))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(101);
                    assertThat(e.problem()).startsWith("the selector nests too deeply (more than 100 levels");
                });
    }

    @Test
    void prefixOperatorsNestAtMostOneHundredDeep() {
        assertThat(Selector.compile("NOT ".repeat(100) + "b").matches(Map.of("b", true)))
                .isTrue();
        assertThatThrownBy(() -> Selector.compile("NOT ".repeat(101) + "b"))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> assertThat(e.column())
                        .isEqualTo(401));
        assertThat(Selector.compile("-".repeat(98) + "a = 5").matches(Map.of("a", 5L)))
                .isTrue();
        assertThatThrownBy(() -> Selector.compile("-".repeat(101) + "a = 5"))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> assertThat(e.column())
                        .isEqualTo(101));
    }

    /** Depth counts operators above the leaves: 99 additions under a comparison is 100. */
    @Test
    void operatorChainsNestAtMostOneHundredDeep() {
        assertThat(Selector.compile("a" + " + a".repeat(99) + " = 100").matches(Map.of("a", 1L)))
                .isTrue();
        assertThatThrownBy(() -> Selector.compile("a" + " + a".repeat(101) + " = 102"))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> {
                    assertThat(e.column()).as("the 101st '+'").isEqualTo(1 + 100 * 4 + 2);
                    assertThat(e.problem()).isEqualTo("the selector nests too deeply (more than 100 levels)");
                });
    }

    @Test
    void longAndOrChainsDoNotNest() {
        String ors = IntStream.range(0, 300).mapToObj(i -> "a = " + i).collect(Collectors.joining(" OR "));
        assertThat(ors.length()).isLessThan(Selector.MAX_LENGTH);
        assertThat(Selector.compile(ors).matches(Map.of("a", 299L))).isTrue();
        assertThat(Selector.compile(ors).matches(Map.of("a", 300L))).isFalse();
        String ands = IntStream.range(0, 300).mapToObj(i -> "a <> " + i).collect(Collectors.joining(" AND "));
        assertThat(Selector.compile(ands).matches(Map.of("a", 300L))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "NOT ", "-", "+", "a = (", "NOT (", "a = -(", "NOT -("})
    void hostileNestingFailsFastWithoutExhaustingTheStack(String unit) {
        String hostile = unit.repeat(Selector.MAX_LENGTH / unit.length());
        assertThatThrownBy(() -> Selector.compile(hostile))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> assertThat(e.problem())
                        .startsWith("the selector nests too deeply"));
    }

    @Test
    void likeTakesPolynomialTimeOnPathologicalPatterns() {
        Selector selector = Selector.compile("s LIKE '" + "%a".repeat(200) + "%b'");
        Map<String, Object> attributes = Map.of("s", "a".repeat(4_000));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(selector.matches(attributes))
                .isFalse());
    }

    @Test
    void punctuationInLikePatternsIsLiteral() {
        String punctuation = "!#$&()*+,-./:;<=>?@[\\]^`{|}~";
        Selector selector = Selector.compile("p LIKE '" + punctuation + "'");
        assertThat(selector.matches(Map.of("p", punctuation))).isTrue();
        assertThat(selector.matches(Map.of("p", punctuation.replace('.', 'x')))).isFalse();
    }

    @Test
    void theExceptionIsAnIllegalArgument() {
        assertThatThrownBy(() -> Selector.compile("a ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid selector at column 4: expected an operand, found the end of the selector");
    }
}

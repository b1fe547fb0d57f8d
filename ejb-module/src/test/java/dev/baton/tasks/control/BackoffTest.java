package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(10);

    @ParameterizedTest(name = "after {0} failures the ceiling is {1} ms")
    @CsvSource({
        "1, 100",
        "2, 200",
        "3, 400",
        "4, 800",
        "5, 1600",
        "6, 3200",
        "7, 6400",
        "8, 10000",
        "9, 10000",
        "30, 10000",
        "31, 10000",
        "1000, 10000",
        "2147483647, 10000"
    })
    void growsExponentiallyUpToTheCap(int failedTries, long ceiling) {
        assertThat(new Backoff(BASE, MAX, highest()).delayAfter(failedTries)).hasMillis(ceiling);
        assertThat(new Backoff(BASE, MAX, lowest()).delayAfter(failedTries)).hasMillis(ceiling / 2);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-2147483648"})
    void noFailuresYetCountsAsTheFirst(int failedTries) {
        assertThat(new Backoff(BASE, MAX, highest()).delayAfter(failedTries)).hasMillis(100);
    }

    @Test
    void jitterStaysBetweenHalfAndFullCeiling() {
        Backoff backoff = new Backoff(BASE, MAX, new Random(42));
        for (int failedTries = 1; failedTries <= 40; failedTries++) {
            long ceiling = Math.min(MAX.toMillis(), BASE.toMillis() << Math.min(30, failedTries - 1));
            Set<Long> seen = new HashSet<>();
            for (int sample = 0; sample < 200; sample++) {
                long delay = backoff.delayAfter(failedTries).toMillis();
                assertThat(delay).isBetween(ceiling / 2, ceiling);
                seen.add(delay);
            }
            assertThat(seen)
                    .as("delays after %d failures spread out", failedTries)
                    .hasSizeGreaterThan(10);
        }
    }

    @Test
    void aSeededGeneratorGivesTheSameDelays() {
        List<Duration> first = delays(new Backoff(BASE, MAX, new Random(7)));
        List<Duration> second = delays(new Backoff(BASE, MAX, new Random(7)));
        List<Duration> otherSeed = delays(new Backoff(BASE, MAX, new Random(8)));

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(otherSeed);
    }

    @Test
    void hugeBaseSaturatesAtTheCapInsteadOfOverflowing() {
        Duration max = Duration.ofDays(3650);
        Backoff backoff = new Backoff(Duration.ofDays(365), max, highest());

        for (int failedTries = 1; failedTries <= 64; failedTries++) {
            assertThat(backoff.delayAfter(failedTries)).isBetween(Duration.ofDays(365), max);
        }
        assertThat(backoff.delayAfter(40)).isEqualTo(max);
    }

    @Test
    void tinyAndZeroDelaysStayExact() {
        assertThat(new Backoff(Duration.ZERO, MAX, highest()).delayAfter(5)).isZero();
        assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), highest()).delayAfter(3))
                .hasMillis(1);
        assertThat(new Backoff(BASE, Duration.ZERO, highest()).delayAfter(3)).isZero();
    }

    private static List<Duration> delays(Backoff backoff) {
        return IntStream.rangeClosed(1, 20).mapToObj(backoff::delayAfter).toList();
    }

    /** Always draws the smallest value: the delay is half the ceiling. */
    private static RandomGenerator lowest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
    }

    /** Always draws the largest value: the delay is the full ceiling. */
    private static RandomGenerator highest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return Long.MAX_VALUE;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
    }
}

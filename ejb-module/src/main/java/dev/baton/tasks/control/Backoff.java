package dev.baton.tasks.control;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retry delays: exponential (base × 2^(failedTries-1)), capped, with "equal jitter" — half the delay is
 * fixed, half random — so retries of many tasks that failed together spread out.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** Delay before the next try after {@code failedTries} failures (1 = the first failure). */
    public Duration delayAfter(int failedTries) {
        int exponent = Math.max(0, Math.min(30, failedTries - 1));
        long ceiling = Math.min(max.toMillis(), base.toMillis() << exponent);
        if (ceiling <= 1) {
            return Duration.ofMillis(Math.max(0, ceiling));
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}

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
        int exponent = Math.min(30, Math.max(1, failedTries) - 1);
        long baseMillis = Math.max(0, base.toMillis());
        long maxMillis = Math.max(0, max.toMillis());
        // base << exponent, saturating at max instead of overflowing for a huge base
        long ceiling = baseMillis > (maxMillis >> exponent) ? maxMillis : baseMillis << exponent;
        if (ceiling <= 1) {
            return Duration.ofMillis(Math.max(0, ceiling));
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}

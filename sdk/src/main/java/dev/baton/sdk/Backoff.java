package dev.baton.sdk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between {@code initial} and {@code max}. */
record Backoff(Duration initial, Duration max) {

    static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max (was " + initial + ", " + max + ")");
        }
    }

    /** The pause before retry number {@code attempt} (1 = the first retry): half fixed, half random. */
    Duration delay(int attempt) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}

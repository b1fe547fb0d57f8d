package dev.baton.it;

import java.time.Duration;

/**
 * In-container only: makes the server's retry backoff slower for the duration of a test (the settings are
 * system properties read on each use), so a task can be seen QUEUED between two tries. Restores the
 * previous settings on close.
 */
public final class RetryDelays implements AutoCloseable {

    private static final String BASE = "baton.retry.baseMillis";
    private static final String MAX = "baton.retry.maxMillis";

    private final String previousBase;
    private final String previousMax;

    private RetryDelays(Duration base, Duration max) {
        previousBase = System.getProperty(BASE);
        previousMax = System.getProperty(MAX);
        System.setProperty(BASE, Long.toString(base.toMillis()));
        System.setProperty(MAX, Long.toString(max.toMillis()));
    }

    /** Every retry waits between half of {@code delay} and {@code delay} (equal jitter, capped at it). */
    public static RetryDelays fixedCeiling(Duration delay) {
        return new RetryDelays(delay, delay);
    }

    @Override
    public void close() {
        restore(BASE, previousBase);
        restore(MAX, previousMax);
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}

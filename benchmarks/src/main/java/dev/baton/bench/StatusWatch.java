package dev.baton.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Polls {@code GET /api/queues} (task counts per status) until a condition holds. Gives up when the
 * deadline passes, when nothing moved for a minute, or when tasks end in ERROR.
 */
final class StatusWatch {

    private static final long POLL_MILLIS = 1_000;
    private static final Duration STALL = Duration.ofMinutes(1);

    private final BatonApi api;

    StatusWatch(BatonApi api) {
        this.api = api;
    }

    /** Waits until {@code done} holds for the counts; returns the last counts. */
    Map<String, Long> await(String what, Predicate<Map<String, Long>> done, Duration timeout)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<String, Long> counts = api.tasksByStatus();
        long errorsBefore = counts.getOrDefault("ERROR", 0L);
        Map<String, Long> lastChange = counts;
        long lastChangeAt = start;
        while (!done.test(counts)) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(what + ": not done within " + timeout + "; tasks by status " + counts);
            }
            if (now - lastChangeAt > STALL.toNanos()) {
                throw new IllegalStateException(what + ": no progress for " + STALL + "; tasks by status " + counts);
            }
            if (counts.getOrDefault("ERROR", 0L) > errorsBefore) {
                throw new IllegalStateException(what + ": tasks failed; tasks by status " + counts);
            }
            Thread.sleep(POLL_MILLIS);
            counts = api.tasksByStatus();
            if (!counts.equals(lastChange)) {
                lastChange = counts;
                lastChangeAt = System.nanoTime();
            }
        }
        return counts;
    }

    /** Waits until at least {@code target} tasks are SUCCEEDED. */
    Map<String, Long> awaitSucceeded(String what, long target, Duration timeout)
            throws IOException, InterruptedException {
        return await(what, c -> c.getOrDefault("SUCCEEDED", 0L) >= target, timeout);
    }

    /** Waits until no task is QUEUED or RUNNING. */
    Map<String, Long> awaitIdle(String what, Duration timeout) throws IOException, InterruptedException {
        return await(what, c -> c.getOrDefault("QUEUED", 0L) == 0 && c.getOrDefault("RUNNING", 0L) == 0, timeout);
    }
}

package dev.baton.bench;

import dev.baton.bench.BatonApi.TaskTimes;
import java.util.List;
import java.util.Objects;

/**
 * Priority inversions: low-priority tasks that started after the first high-priority task was
 * submitted and before the last high-priority task started. Up to {@code inFlight} of them are not
 * inversions: the consumers may already hold that many low-priority dispatches when the first
 * high-priority task arrives (they claim them a moment later). Times are the server's, in ms; both
 * bounds are exclusive, so a start in the same millisecond as a bound does not count.
 *
 * @param windowStart when the first high-priority task was submitted
 * @param windowEnd when the last high-priority task started
 * @param lowStartedInWindow low-priority tasks that started strictly between the two
 * @param inFlight the consumers' in-flight allowance
 */
record InversionCount(long windowStart, long windowEnd, int lowStartedInWindow, int inFlight) {

    static InversionCount of(List<TaskTimes> low, List<TaskTimes> high, int inFlight) {
        if (high.isEmpty()) {
            throw new IllegalArgumentException("no high-priority tasks");
        }
        long firstHighSubmit = high.stream()
                .map(TaskTimes::submit)
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .min()
                .orElseThrow(() -> new IllegalArgumentException("no high-priority submit time"));
        long lastHighStart = high.stream()
                .map(t -> Objects.requireNonNull(t.start(), () -> "high-priority task " + t.id() + " never started"))
                .mapToLong(Long::longValue)
                .max()
                .orElseThrow();
        int started = (int) low.stream()
                .map(TaskTimes::start)
                .filter(Objects::nonNull)
                .filter(s -> s > firstHighSubmit && s < lastHighStart)
                .count();
        return new InversionCount(firstHighSubmit, lastHighStart, started, inFlight);
    }

    /** Low-priority starts in the window beyond the in-flight allowance. */
    int inversions() {
        return Math.max(0, lowStartedInWindow - inFlight);
    }

    long windowMillis() {
        return Math.max(0, windowEnd - windowStart);
    }
}

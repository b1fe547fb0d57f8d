package dev.baton.workflows.control;

import java.lang.management.ManagementFactory;

/**
 * One script run's limits: a wall-clock deadline and the bytes the running thread may allocate (all
 * allocation since the start, garbage included, as HotSpot counts it per thread).
 */
final class ScriptBudget {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final long started = System.nanoTime();
    private final long allocatedAtStart = allocated();
    private final long timeLimitMillis;
    private final long memoryLimitBytes;
    private long excludedBytes;

    ScriptBudget(long timeLimitMillis, long memoryLimitBytes) {
        this.timeLimitMillis = timeLimitMillis;
        this.memoryLimitBytes = memoryLimitBytes;
    }

    /** Throws {@link SandboxLimitExceeded} once the script is over its time or memory. */
    void check() {
        if (memoryLimitBytes > 0
                && allocatedAtStart >= 0
                && allocated() - allocatedAtStart - excludedBytes > memoryLimitBytes) {
            throw new SandboxLimitExceeded(memoryMessage(memoryLimitBytes));
        }
        if (System.nanoTime() - started > timeLimitMillis * 1_000_000L) {
            throw new SandboxLimitExceeded(timeMessage());
        }
    }

    /**
     * Runs {@code work} done for the script by the server (a storage call: transaction, database, JSON)
     * without counting what it allocates against the script's memory; its time still counts.
     */
    <T> T excluding(java.util.function.Supplier<T> work) {
        long before = allocated();
        try {
            return work.get();
        } finally {
            if (before >= 0) {
                excludedBytes += allocated() - before;
            }
        }
    }

    String timeMessage() {
        return "script exceeded its time limit of " + timeLimitMillis + " ms";
    }

    static String memoryMessage(long memoryLimitBytes) {
        return "script exceeded its memory limit of " + (memoryLimitBytes >> 20) + " MiB";
    }

    private static long allocated() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            if (!threads.isThreadAllocatedMemoryEnabled()) {
                threads.setThreadAllocatedMemoryEnabled(true);
            }
            return threads;
        }
        return null; // not HotSpot: only the time limit and the builtin guards apply
    }
}

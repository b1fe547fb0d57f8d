package dev.baton.bench;

import java.util.function.IntFunction;

/** Submits a fixed number of tasks as fast as it can, over HTTP or JMS. */
interface Submitter {

    /** When the submissions started (epoch ms and nanoTime) and ended (nanoTime). */
    record Run(long startMillis, long startNanos, long endNanos) {

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    /** Submits {@code count} tasks, task {@code i} with the JSON body {@code body.apply(i)}. */
    Run submit(int count, IntFunction<String> body, long timeoutSeconds) throws Exception;

    /** How the tasks are submitted, for the report. */
    String describe();
}

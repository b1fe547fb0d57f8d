package dev.baton.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Runs a test step many times at once, for races and bursts. */
public final class Parallel {

    private static final int THREADS = 8;

    private Parallel() {}

    /** Runs {@code step} for 0..times-1 on {@value #THREADS} threads; returns the results in index order. */
    public static <T> List<T> times(int times, IntFunction<T> step) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<CompletableFuture<T>> futures = IntStream.range(0, times)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> step.apply(i), pool))
                    .toList();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}

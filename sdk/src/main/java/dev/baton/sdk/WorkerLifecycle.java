package dev.baton.sdk;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a worker is in its life: running, stopping (a shutdown began: poll no more, register no more) or
 * terminated (its threads are stopped). Every part of the worker asks it; only {@link GracefulShutdown}
 * moves it on.
 */
final class WorkerLifecycle {

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    /** Begins stopping; false when a shutdown had already begun. */
    boolean beginStopping() {
        return stopping.compareAndSet(false, true);
    }

    boolean stopping() {
        return stopping.get();
    }

    void markTerminated() {
        stopping.set(true);
        terminated.countDown();
    }

    boolean terminated() {
        return terminated.getCount() == 0;
    }

    /** Blocks until terminated; an interruption returns early with the interrupt flag kept. */
    void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

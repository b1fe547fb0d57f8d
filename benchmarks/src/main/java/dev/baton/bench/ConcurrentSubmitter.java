package dev.baton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Submits a fixed number of tasks over {@code clients} keep-alive connections at once. The connections
 * are opened before the clock starts; each client takes the next task number until all are taken. A
 * 202 answer means the task row and its dispatch message are committed.
 */
final class ConcurrentSubmitter implements Submitter {

    private final BenchConfig config;
    private final int clients;
    private final String target;
    private final int expectedStatus;
    private final int batch;

    /** Submits tasks: {@code POST /api/tasks}, 202 expected. */
    ConcurrentSubmitter(BenchConfig config, int clients) {
        this(config, clients, "/api/tasks", 202, 1);
    }

    /** Submits tasks {@code batch} at a time: {@code POST /api/tasks/batch}, 202 expected. */
    static ConcurrentSubmitter batches(BenchConfig config, int clients, int batch) {
        return new ConcurrentSubmitter(config, clients, "/api/tasks/batch", 202, Math.max(1, batch));
    }

    /** Posts to {@code target}, expecting {@code expectedStatus} (e.g. workflow runs: /flow/execute, 201). */
    ConcurrentSubmitter(BenchConfig config, int clients, String target, int expectedStatus) {
        this(config, clients, target, expectedStatus, 1);
    }

    private ConcurrentSubmitter(BenchConfig config, int clients, String target, int expectedStatus, int batch) {
        this.config = config;
        this.clients = Math.max(1, clients);
        this.target = target;
        this.expectedStatus = expectedStatus;
        this.batch = batch;
    }

    @Override
    public String describe() {
        return clients + " HTTP/1.1 keep-alive clients, POST " + target
                + (batch > 1 ? " (" + batch + " tasks each)" : "");
    }

    /** The body for tasks {@code [from, to)}: one task, or {@code {"tasks": [...]}} in batch mode. */
    private String body(IntFunction<String> body, int from, int to) {
        if (batch == 1) {
            return body.apply(from);
        }
        StringBuilder tasks = new StringBuilder("{\"tasks\":[");
        for (int i = from; i < to; i++) {
            tasks.append(i == from ? "" : ",").append(body.apply(i));
        }
        return tasks.append("]}").toString();
    }

    /** Submits {@code count} tasks, task {@code i} with body {@code body.apply(i)}; every answer must be 202. */
    @Override
    public Run submit(int count, IntFunction<String> body, long timeoutSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            CountDownLatch connected = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    try (BatonApi api = new BatonApi(config)) {
                        api.connect();
                        connected.countDown();
                        go.await();
                        for (int i = next.getAndAdd(batch); i < count; i = next.getAndAdd(batch)) {
                            api.post(target, body(body, i, Math.min(count, i + batch)))
                                    .expect(expectedStatus, "POST " + target);
                        }
                    }
                    return null;
                }));
            }
            if (!connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the clients could not connect within 30 s");
            }
            long startMillis = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            go.countDown();
            long deadline = startNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (Future<?> worker : workers) {
                try {
                    worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    next.set(count); // stop the other clients
                    throw new IllegalStateException(
                            "a submission failed: " + e.getCause().getMessage(), e.getCause());
                } catch (TimeoutException e) {
                    next.set(count);
                    throw new IllegalStateException(
                            "submitting " + count + " tasks took over " + timeoutSeconds + " s");
                }
            }
            return new Run(startMillis, startNanos, System.nanoTime());
        } finally {
            pool.shutdownNow();
        }
    }
}

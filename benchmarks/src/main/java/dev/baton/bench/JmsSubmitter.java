package dev.baton.bench;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
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
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Submits tasks as persistent JSON text messages to {@code baton.submit} (the Artemis core protocol
 * upgraded from the HTTP port, as user baton), from a few producers with transacted sessions that commit
 * every {@code batch} messages. The submission ends when the last batch is committed: the messages are
 * durable in the broker, but the tasks exist only once Baton's submit consumers have stored them, so only
 * the end-to-end figure compares with HTTP's.
 */
final class JmsSubmitter implements Submitter {

    static final String SUBMIT_ADDRESS = "jms.queue.baton.submit";

    private final BenchConfig config;

    JmsSubmitter(BenchConfig config) {
        this.config = config;
    }

    @Override
    public String describe() {
        return config.jmsProducers() + " JMS producers to baton.submit, transacted, commit every " + config.jmsBatch();
    }

    @Override
    public Run submit(int count, IntFunction<String> body, long timeoutSeconds) throws Exception {
        int producers = Math.max(1, config.jmsProducers());
        String url = "tcp://127.0.0.1:" + config.httpPort()
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&reconnectAttempts=0";
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url)) {
            AtomicInteger next = new AtomicInteger();
            CountDownLatch connected = new CountDownLatch(producers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                workers.add(pool.submit(() -> {
                    try (JMSContext jms = factory.createContext("baton", "baton", JMSContext.SESSION_TRANSACTED)) {
                        Queue queue = jms.createQueue(SUBMIT_ADDRESS);
                        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                        connected.countDown();
                        go.await();
                        int inBatch = 0;
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            producer.send(queue, body.apply(i));
                            if (++inBatch == config.jmsBatch()) {
                                jms.commit();
                                inBatch = 0;
                            }
                        }
                        jms.commit();
                    }
                    return null;
                }));
            }
            if (!connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JMS producers could not connect within 30 s");
            }
            long startMillis = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            go.countDown();
            long deadline = startNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (Future<?> worker : workers) {
                try {
                    worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    next.set(count);
                    throw new IllegalStateException("a JMS submission failed: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    next.set(count);
                    throw new IllegalStateException("sending " + count + " tasks took over " + timeoutSeconds + " s");
                }
            }
            return new Run(startMillis, startNanos, System.nanoTime());
        } finally {
            pool.shutdownNow();
        }
    }
}

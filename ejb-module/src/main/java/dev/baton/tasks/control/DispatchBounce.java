package dev.baton.tasks.control;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.jms.Destinations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * A draining node takes no new work: its dispatch consumer hands each message back to the queue,
 * unchanged (same task, dispatch sequence and priority) and delayed, for a node that takes work, or
 * for this one once it resumes. Sent outside any transaction, before the original is acknowledged:
 * a crash in between leaves a duplicate, which the dispatch sequence makes harmless.
 */
@ApplicationScoped
public class DispatchBounce {

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    @Inject
    BatonConfig config;

    public void later(String taskId, int seq, int jmsPriority) {
        jms.createProducer()
                .setPriority(jmsPriority)
                .setProperty(Destinations.SEQ, seq)
                .setDeliveryDelay(config.drainBounce().toMillis())
                .send(dispatchQueue, taskId);
    }

    public void later(DispatchGroup group, int jmsPriority) {
        group.sendWith(
                jms.createProducer()
                        .setPriority(jmsPriority)
                        .setDeliveryDelay(config.drainBounce().toMillis()),
                dispatchQueue);
    }
}

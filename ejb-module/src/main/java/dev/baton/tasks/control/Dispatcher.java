package dev.baton.tasks.control;

import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.tasks.entity.Task;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Puts a task on the prioritized dispatch queue: {@code baton.dispatch} for handlers this node runs
 * (Java handlers, workspace scripts), {@code baton.remote} for handlers only remote workers serve. Called inside the transaction that made the task
 * QUEUED, so the message is sent exactly when the state change commits (XA). Each dispatch bumps the
 * task's dispatch sequence; consumers ignore messages carrying an older one.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    @Resource(lookup = Destinations.REMOTE_QUEUE)
    Queue remoteQueue;

    @Inject
    HandlerRegistry handlers;

    public void dispatch(Task task, Duration delay) {
        int seq = task.nextDispatch();
        JMSProducer producer = jms.createProducer()
                .setPriority(Destinations.jmsPriority(task.getEffectivePriority()))
                .setProperty(Destinations.SEQ, seq);
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        // a handler nobody serves (a workflow may name one) goes to the local consumers: its attempts
        // fail as "not registered" instead of waiting for a worker forever
        if (!handlers.isRemoteOnly(task.getHandler())) {
            producer.send(dispatchQueue, task.getId());
        } else {
            producer.setProperty(Destinations.HANDLER, task.getHandler()).send(remoteQueue, task.getId());
        }
    }
}

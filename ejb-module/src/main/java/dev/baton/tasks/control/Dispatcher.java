package dev.baton.tasks.control;

import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.jms.TransactionJms;
import dev.baton.tasks.entity.Task;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;

/**
 * Puts a task on the prioritized dispatch queue: {@code baton.dispatch} for handlers this node runs
 * (Java handlers, workspace scripts), {@code baton.remote} for handlers only remote workers serve. Called
 * inside the transaction that made the task QUEUED, so the message is sent exactly when the state
 * change commits (XA); only the first dispatch of a task submitted over REST is sent right after its
 * commit instead ({@link #dispatchAfterCommit}). Each dispatch has a sequence number (a new task's first
 * is 1); consumers ignore messages carrying an older one, so a dispatch sent twice runs once. New tasks
 * of an inline handler created together travel in {@link DispatchGroup}s.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    TransactionJms jms;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    @Resource(lookup = Destinations.REMOTE_QUEUE)
    Queue remoteQueue;

    @Inject
    HandlerRegistry handlers;

    @Inject
    BatonConfig config;

    /**
     * Dispatches a task again (retry, aging, a failed attempt, a first dispatch that may be lost): a new
     * sequence number, one message.
     */
    public void dispatch(Task task, Duration delay) {
        send(task, task.nextDispatch(), delay);
    }

    /**
     * Sends the first dispatch of tasks created in this transaction (their rows are flushed, so the
     * database joined the transaction first), as {@link DispatchPlan} says: tasks of an inline local
     * handler in groups of at most {@link BatonConfig#dispatchGroupSize()} per JMS priority, the others
     * one message each.
     */
    public void dispatchNew(List<Task> tasks) {
        dispatchNew(tasks, jms.context());
    }

    /**
     * Sends the first dispatch of tasks whose submitting transaction has committed, outside any
     * transaction (each message is durable in the broker when its send returns), as {@link
     * #dispatchNew} would have sent them inside it. See {@link FirstDispatches}.
     */
    public void dispatchAfterCommit(List<Task> tasks) {
        try (JMSContext context = factory.createContext()) {
            dispatchNew(tasks, context);
        }
    }

    private void dispatchNew(List<Task> tasks, JMSContext context) {
        DispatchPlan plan = DispatchPlan.of(tasks, t -> handlers.isInline(t.getHandler()), config.dispatchGroupSize());
        for (DispatchPlan.Grouped grouped : plan.groups()) {
            grouped.group().sendWith(context.createProducer().setPriority(grouped.jmsPriority()), dispatchQueue);
        }
        for (Task task : plan.singles()) {
            send(context, task, task.getDispatchSeq(), Duration.ZERO);
        }
    }

    private void send(Task task, int seq, Duration delay) {
        send(jms.context(), task, seq, delay);
    }

    private void send(JMSContext context, Task task, int seq, Duration delay) {
        JMSProducer producer = context.createProducer()
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

package dev.baton.tasks.control;

import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.jms.ReplyDestinations;
import dev.baton.tasks.entity.Task;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.logging.Logger;

/**
 * Sends a task to the {@code JMSReplyTo} its JMS submission named, with the request's correlation id,
 * in the caller's transaction. The destination is kept by broker address ({@link ReplyDestinations}),
 * which also reaches a remote client's temporary queue. A reply whose destination is gone (the client
 * disconnected) goes to {@code baton.dlq} instead: it never fails the task's state change.
 */
@ApplicationScoped
public class ReplySender {

    /** The id of the task a reply is about. */
    public static final String TASK_ID = "baton_task_id";
    /** The task's status when the reply was sent. */
    public static final String STATUS = "baton_status";
    /** Set (true) on the answer to a repeated submission: the task is the one its idempotency key names. */
    public static final String DUPLICATE = "baton_duplicate";

    private static final Logger LOG = Logger.getLogger(ReplySender.class.getName());

    @Inject
    JMSContext jms;

    @Inject
    TaskStore store;

    @Resource(lookup = Destinations.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    /** Sends the finished task if its submission asked for a reply. */
    public void sendIfRequested(Task task) {
        if (task.getReplyTo() != null) {
            send(task, task.getReplyTo(), task.getCorrelationId(), false);
        }
    }

    /** Answers a repeated submission with the task (in its current state) that its idempotency key names. */
    public void sendDuplicate(Task task, String replyTo, String correlationId) {
        send(task, replyTo, correlationId, true);
    }

    private void send(Task task, String replyTo, String correlationId, boolean duplicate) {
        String body = TaskJson.of(task, store.attempts(task.getId())).toString();
        JMSProducer producer = jms.createProducer()
                .setJMSCorrelationID(correlationId)
                .setProperty(TASK_ID, task.getId())
                .setProperty(STATUS, task.getStatus().name());
        if (duplicate) {
            producer.setProperty(DUPLICATE, true);
        }
        try {
            producer.send(ReplyDestinations.decode(replyTo), body);
        } catch (InvalidDestinationRuntimeException e) {
            String reason = "the reply destination " + replyTo + " does not exist: " + e.getMessage();
            LOG.warning(() -> "dead-lettering the reply for task " + task.getId() + ": " + reason);
            producer.setProperty(Destinations.ERROR, reason)
                    .setProperty(Destinations.ORIGIN, "reply")
                    .send(deadLetters, body);
        }
    }
}

package dev.baton.tasks.boundary;

import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.control.ReplySender;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.control.TaskRequestParser;
import dev.baton.tasks.control.TaskStore;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Task submissions arriving on {@code baton.submit}: a JSON TextMessage with the body of
 * {@code POST /api/tasks}. Runs in the consuming transaction: the task and its dispatch commit with the
 * message's consumption. A malformed message is moved to {@code baton.dlq} with the reason in
 * {@code baton_error}, also in that transaction, so it is never lost and never retried in vain.
 */
@Stateless
public class JmsSubmissions {

    private static final Logger LOG = Logger.getLogger(JmsSubmissions.class.getName());
    static final String JMS_USER = "jms";

    @EJB
    TaskLifecycle lifecycle;

    @EJB
    TaskService tasks;

    @Inject
    TaskStore store;

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    public void submit(Message message) throws JMSException {
        TaskRequest request;
        try {
            if (!(message instanceof TextMessage text)) {
                deadLetter(message, "a submission must be a TextMessage with a JSON body");
                return;
            }
            request = TaskRequestParser.parse(text.getText());
            if (request.idempotencyKey() == null && message.propertyExists("baton_idempotency_key")) {
                request = request.withIdempotencyKey(message.getStringProperty("baton_idempotency_key"));
            }
            tasks.requireRegistered(request.handler());
        } catch (ProblemException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        if (request.idempotencyKey() != null
                && store.findByIdempotencyKey(JMS_USER, request.idempotencyKey())
                        .isPresent()) {
            LOG.fine(() -> "duplicate JMS submission ignored: " + message);
            return;
        }
        String correlationId =
                message.getJMSCorrelationID() != null ? message.getJMSCorrelationID() : message.getJMSMessageID();
        String replyTo = message.getJMSReplyTo() == null ? null : ReplySender.encode(message.getJMSReplyTo());
        lifecycle.submit(request, JMS_USER, replyTo, correlationId);
    }

    private void deadLetter(Message message, String reason) throws JMSException {
        LOG.warning(() -> "dead-lettering a JMS submission: " + reason);
        String body = message instanceof TextMessage text ? text.getText() : null;
        jms.createProducer()
                .setProperty(Destinations.ERROR, reason)
                .setProperty(Destinations.ORIGIN, "baton.submit")
                .setJMSCorrelationID(
                        message.getJMSCorrelationID() != null
                                ? message.getJMSCorrelationID()
                                : message.getJMSMessageID())
                .send(deadLetters, body);
    }
}

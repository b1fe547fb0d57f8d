package dev.baton.infrastructure.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Moves a message Baton cannot accept to {@code baton.dlq} with its body (text or bytes), the reason in
 * {@link Destinations#ERROR} and the queue it came from in {@link Destinations#ORIGIN}, inside the
 * consuming transaction: it is never lost and never redelivered in vain.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    public void send(Message message, String origin, String reason) throws JMSException {
        LOG.warning(() -> "dead-lettering a message from " + origin + ": " + reason);
        JMSProducer producer = jms.createProducer()
                .setProperty(Destinations.ERROR, reason)
                .setProperty(Destinations.ORIGIN, origin)
                .setJMSCorrelationID(correlationId(message));
        if (message instanceof BytesMessage bytes) {
            producer.send(deadLetters, bytes.getBody(byte[].class));
        } else {
            producer.send(deadLetters, message instanceof TextMessage text ? text.getText() : null);
        }
    }

    /** The message's correlation id, or its message id when it has none. */
    public static String correlationId(Message message) throws JMSException {
        return message.getJMSCorrelationID() != null ? message.getJMSCorrelationID() : message.getJMSMessageID();
    }
}

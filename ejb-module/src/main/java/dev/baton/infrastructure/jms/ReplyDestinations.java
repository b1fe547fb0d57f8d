package dev.baton.infrastructure.jms;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;

/**
 * Keeps a {@code JMSReplyTo} as text ("queue:ADDRESS" / "topic:ADDRESS") until the reply is sent.
 *
 * <p>The text holds the broker address, not the JMS name: the server's own connection factory adds the
 * 1.x prefixes to names ({@code createQueue("x")} means address {@code jms.queue.x} or
 * {@code jms.temp-queue.x}), while a remote client's temporary queue lives at an address without
 * prefix. Only the address reaches every reply destination, so this class uses the Artemis client API
 * (the server module {@code org.apache.activemq.artemis.client}) to read and to address it.
 */
public final class ReplyDestinations {

    private static final String QUEUE = "queue:";
    private static final String TOPIC = "topic:";

    private ReplyDestinations() {}

    /** The text for {@code destination}, or null when it is neither a queue nor a topic. */
    public static String encode(Destination destination) throws JMSException {
        if (destination instanceof ActiveMQDestination artemis) {
            return (artemis.isQueue() ? QUEUE : TOPIC) + artemis.getAddress();
        }
        if (destination instanceof Queue queue) {
            return QUEUE + queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return TOPIC + topic.getTopicName();
        }
        return null;
    }

    /** The destination at the address {@link #encode} kept, without asking the broker whether it exists. */
    public static Destination decode(String encoded) {
        if (encoded.startsWith(TOPIC)) {
            return ActiveMQDestination.createTopic(encoded.substring(TOPIC.length()));
        }
        if (encoded.startsWith(QUEUE)) {
            return ActiveMQDestination.createQueue(encoded.substring(QUEUE.length()));
        }
        throw new IllegalArgumentException("not an encoded reply destination: " + encoded);
    }
}

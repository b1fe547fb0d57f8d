package dev.baton.it;

import jakarta.jms.Destination;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A remote JMS client of the test server's broker, connected the way docs/jms.md tells producers to:
 * Artemis core protocol upgraded from HTTP on the web port, as a user of the Baton realm.
 */
public final class Jms {

    /** The broker behind the HTTP port (no separate messaging port). */
    public static final String URL = "tcp://127.0.0.1:" + System.getProperty("baton.it.http.port", "8180")
            + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&reconnectAttempts=0&initialConnectAttempts=1";
    /** The address of WildFly's JMS queue {@code baton.submit} (WildFly keeps the 1.x "jms.queue." prefix). */
    public static final String SUBMIT = "jms.queue.baton.submit";
    /** The address of WildFly's JMS queue {@code baton.dlq}. */
    public static final String DEAD_LETTERS = "jms.queue.baton.dlq";
    /** The address of WildFly's JMS queue {@code baton.events} (external events for workflow runs). */
    public static final String EVENTS = "jms.queue.baton.events";
    /** The address of WildFly's JMS queue {@code baton.activities} (plugin registrations). */
    public static final String ACTIVITIES = "jms.queue.baton.activities";
    /** How long a test waits for a reply or a dead letter, in milliseconds. */
    public static final long RECEIVE_MILLIS = 30_000;

    /** Shared by every test: closing it would close the connections it made. */
    private static final ActiveMQConnectionFactory FACTORY = new ActiveMQConnectionFactory(URL);
    /** A client that adds the 1.x prefixes itself, so it uses WildFly's JMS names ("baton.submit"). */
    private static final ActiveMQConnectionFactory PREFIXING_FACTORY =
            new ActiveMQConnectionFactory(URL + "&enable1xPrefixes=true");

    private Jms() {}

    /** A JMS context of {@code user}; the caller closes it. */
    public static JMSContext connect(String user, String password) {
        return FACTORY.createContext(user, password);
    }

    /** A JMS context of {@code user} whose queue names are WildFly's JMS names; the caller closes it. */
    public static JMSContext connectWith1xPrefixes(String user, String password) {
        return PREFIXING_FACTORY.createContext(user, password);
    }

    public static Queue submitQueue(JMSContext jms) {
        return jms.createQueue(SUBMIT);
    }

    public static Queue eventsQueue(JMSContext jms) {
        return jms.createQueue(EVENTS);
    }

    public static Queue activitiesQueue(JMSContext jms) {
        return jms.createQueue(ACTIVITIES);
    }

    public static Queue deadLetterQueue(JMSContext jms) {
        return jms.createQueue(DEAD_LETTERS);
    }

    /** A correlation id no other test uses (selectors on it keep concurrent tests apart). */
    public static String uniqueId() {
        return "it-" + UUID.randomUUID();
    }

    /** Waits for the message Baton dead-lettered for the submission with {@code correlationId}. */
    public static Message deadLetter(JMSContext jms, String correlationId) {
        return receive(jms, deadLetterQueue(jms), "JMSCorrelationID = '" + correlationId + "'", RECEIVE_MILLIS);
    }

    /** The next message on {@code from} that matches {@code selector} (null: any), or null after {@code millis}. */
    public static Message receive(JMSContext jms, Destination from, String selector, long millis) {
        try (JMSConsumer consumer = jms.createConsumer(from, selector)) {
            return consumer.receive(millis);
        }
    }

    /** The JSON body of a text message. */
    public static JsonObject json(Message message) {
        try {
            return Api.parse(message.getBody(String.class));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}

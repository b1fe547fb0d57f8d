package dev.baton.it;

import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.jms.TransactionJms;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;

/**
 * In-container test helper: uses {@link TransactionJms} inside and outside transactions it begins and
 * ends itself, and reads back what reached the dead-letter queue (a queue no test consumer drains), so
 * each probe message is marked and taken off again.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class TransactionJmsProbe {

    private static final String MARK = "transactionJmsProbe";

    @Inject
    TransactionJms jms;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = Destinations.DEAD_LETTER_QUEUE)
    Queue queue;

    /** Whether two calls in one transaction give the same context. */
    public boolean oneContextPerTransaction() throws Exception {
        transaction.begin();
        try {
            return jms.context() == jms.context();
        } finally {
            transaction.rollback();
        }
    }

    /** The contexts of two transactions one after the other are different ones. */
    public boolean aNewContextPerTransaction() throws Exception {
        transaction.begin();
        JMSContext first = jms.context();
        transaction.commit();
        transaction.begin();
        try {
            return jms.context() != first;
        } finally {
            transaction.rollback();
        }
    }

    /** Calls the context without a transaction; returns what it threw, or null. */
    public Class<? extends Throwable> outsideATransaction() {
        try {
            jms.context();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    /** Sends a message marked {@code marker} in a transaction that commits or rolls back. */
    public void send(String marker, boolean commit) throws Exception {
        transaction.begin();
        jms.context().createProducer().setProperty(MARK, marker).send(queue, "probe");
        if (commit) {
            transaction.commit();
        } else {
            transaction.rollback();
        }
    }

    /** Takes the message marked {@code marker} off the queue: whether it was there within {@code millis}. */
    public boolean take(String marker, long millis) {
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(queue, MARK + " = '" + marker + "'")) {
            Message message = consumer.receive(millis);
            return message != null;
        }
    }
}

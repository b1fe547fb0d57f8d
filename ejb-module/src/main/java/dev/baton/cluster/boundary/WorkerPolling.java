package dev.baton.cluster.boundary;

import dev.baton.infrastructure.jms.Destinations;
import dev.baton.tasks.control.Claim;
import dev.baton.tasks.control.TaskLifecycle;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One slice of a worker's long poll, in one XA transaction: receive dispatches of the worker's handlers
 * from {@code baton.remote} (highest priority first) and claim their tasks for the worker. The message
 * is consumed exactly when the task becomes RUNNING on the worker; a stale dispatch is just consumed.
 */
@Stateless
public class WorkerPolling {

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.REMOTE_QUEUE)
    Queue remoteQueue;

    @EJB
    TaskLifecycle lifecycle;

    public List<Claim> slice(String workerId, String node, Collection<String> handlers, int max, long waitMillis) {
        List<Claim> claims = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(remoteQueue, Destinations.handlerSelector(handlers))) {
            Message message = waitMillis > 0 ? consumer.receive(waitMillis) : consumer.receiveNoWait();
            while (message != null) {
                Claim claim = lifecycle.claim(
                        message.getBody(String.class), message.getIntProperty(Destinations.SEQ), node, workerId);
                if (claim != null) {
                    claims.add(claim);
                }
                if (claims.size() >= max) {
                    break;
                }
                message = consumer.receiveNoWait();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable remote dispatch message", e);
        }
        return claims;
    }
}

package dev.baton.tasks.boundary;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes the prioritized dispatch queue; each message runs one attempt of one task, or of each task of a group. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.DISPATCH_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${baton.dispatch.sessions:16}")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskDispatchListener implements MessageListener {

    @EJB
    TaskExecution execution;

    @Override
    public void onMessage(Message message) {
        try {
            if (message.propertyExists(Destinations.GROUP)) {
                execution.executeGroup(message.getBody(String.class), message.getJMSPriority());
                return;
            }
            execution.execute(
                    message.getBody(String.class), message.getIntProperty(Destinations.SEQ), message.getJMSPriority());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable dispatch message", e);
        }
    }
}

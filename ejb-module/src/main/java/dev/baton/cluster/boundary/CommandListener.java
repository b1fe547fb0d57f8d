package dev.baton.cluster.boundary;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Every node receives every cluster command (one session: a topic subscription per node). */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.COMMANDS_TOPIC),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandListener implements MessageListener {

    @EJB
    CommandExecution execution;

    @Override
    public void onMessage(Message message) {
        try {
            execution.execute(message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable command message", e);
        }
    }
}

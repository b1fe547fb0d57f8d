package dev.baton.workflows.boundary;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes {@code baton.events} (external events for waiting runs) in a transaction. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.EVENTS_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${baton.events.sessions:4}")
        })
public class EventListener implements MessageListener {

    @EJB
    JmsEvents events;

    @Override
    public void onMessage(Message message) {
        try {
            events.deliver(message);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable event message", e);
        }
    }
}

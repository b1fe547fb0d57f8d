package dev.baton.tasks.boundary;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes {@code baton.submit} (JMS task submissions) in a transaction. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.SUBMIT_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${baton.submit.sessions:4}")
        })
public class TaskSubmitListener implements MessageListener {

    @EJB
    JmsSubmissions submissions;

    @Override
    public void onMessage(Message message) {
        try {
            submissions.submit(message);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable submission message", e);
        }
    }
}

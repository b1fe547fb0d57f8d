package dev.baton.activities.boundary;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes {@code baton.activities} (plugin registrations) in a transaction; see {@link JmsActivities}. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = Destinations.ACTIVITIES_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${baton.activities.sessions:2}")
        })
public class ActivityListener implements MessageListener {

    @EJB
    JmsActivities activities;

    @Override
    public void onMessage(Message message) {
        try {
            activities.process(message);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable activity message", e);
        }
    }
}

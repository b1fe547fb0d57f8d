package dev.baton.workflows.boundary;

import dev.baton.infrastructure.jms.Destinations;
import dev.baton.workflows.control.Signal;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes {@code baton.workflow}: each signal advances its run in the consuming transaction. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.WORKFLOW_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${baton.workflow.sessions:8}")
        })
public class WorkflowSignalListener implements MessageListener {

    @EJB
    WorkflowService workflows;

    @Override
    public void onMessage(Message message) {
        try {
            workflows.signal(
                    Signal.valueOf(message.getStringProperty(Destinations.KIND)),
                    message.getBody(String.class),
                    message.getStringProperty(Destinations.ACTION),
                    message.getStringProperty(Destinations.REF),
                    message.getIntProperty(Destinations.SEQ));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable workflow signal", e);
        }
    }
}

package dev.baton.workflows.boundary;

import dev.baton.infrastructure.jms.DeadLetters;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.workflows.control.RunCommands;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonValue;

/**
 * External events arriving on {@code baton.events}: a TextMessage with properties {@code baton_run}
 * and {@code baton_event} and a JSON body (the wait action's output; empty means {}). Delivered in the
 * consuming transaction; a message that names no waiting run, or is malformed, goes to the dead letters
 * with the reason.
 */
@Stateless
public class JmsEvents {

    @Inject
    RunCommands commands;

    @Inject
    DeadLetters deadLetters;

    public void deliver(Message message) throws JMSException {
        String runId = message.getStringProperty(Destinations.RUN);
        String event = message.getStringProperty(Destinations.EVENT);
        try {
            if (runId == null || runId.isBlank() || event == null || event.isBlank()) {
                throw ProblemException.badRequest(
                        Destinations.RUN + "/" + Destinations.EVENT, "both message properties are required");
            }
            if (!(message instanceof TextMessage text)) {
                throw ProblemException.badRequest("body", "must be a TextMessage holding JSON");
            }
            String body = text.getText();
            JsonValue payload =
                    body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonDocuments.parse(body);
            commands.deliver(runId, event, payload);
        } catch (ProblemException e) {
            deadLetters.send(message, "baton.events", e.getMessage());
        }
    }
}

package dev.baton.activities.boundary;

import dev.baton.activities.control.ActivityRegistry;
import dev.baton.activities.control.PluginRegistration;
import dev.baton.infrastructure.jms.DeadLetters;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;

/**
 * Plugin registrations arriving on {@code baton.activities}: a TextMessage with properties {@code
 * baton_activity} (the activity) and {@code baton_op} ({@code register} or {@code deregister}); the body
 * is the registration JSON of {@code POST /api/activities/{name}/plugins}, or {@code {"name": ...}} to
 * deregister. Processed in the consuming transaction; an invalid message (or the deregistration of an
 * unknown plugin) goes to the dead letters with the reason. Uses the CDI control classes directly, not
 * {@link ActivityService}: an EJB throwing the (rollback) problem would leave no transaction to
 * dead-letter in.
 */
@Stateless
public class JmsActivities {

    static final String ORIGIN = "baton.activities";
    /** The registering user of plugins registered over JMS (the broker does not pass the sender on). */
    static final String JMS_USER = "jms";

    @Inject
    ActivityRegistry registry;

    @Inject
    DeadLetters deadLetters;

    public void process(Message message) throws JMSException {
        try {
            String activity = message.getStringProperty(Destinations.ACTIVITY);
            String op = message.getStringProperty(Destinations.OP);
            Violation badActivity = PluginRegistration.checkActivity(activity);
            if (badActivity != null) {
                throw ProblemException.invalid(List.of(new Violation(Destinations.ACTIVITY, badActivity.message())));
            }
            if (!(message instanceof TextMessage text)) {
                throw ProblemException.badRequest("body", "must be a TextMessage holding JSON");
            }
            if ("register".equals(op)) {
                registry.register(PluginRegistration.parse(activity, text.getText()), JMS_USER);
            } else if ("deregister".equals(op)) {
                registry.deregister(activity, PluginRegistration.parseName(text.getText()));
            } else {
                throw ProblemException.badRequest(
                        Destinations.OP, "must be 'register' or 'deregister' (was " + quoted(op) + ")");
            }
        } catch (ProblemException e) {
            deadLetters.send(message, ORIGIN, e.getMessage());
        }
    }

    private static String quoted(String text) {
        return text == null ? "absent" : "'" + text + "'";
    }
}

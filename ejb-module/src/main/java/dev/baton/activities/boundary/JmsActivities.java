package dev.baton.activities.boundary;

import dev.baton.activities.control.ActivityRegistry;
import dev.baton.activities.control.ActivityRuns;
import dev.baton.activities.control.PluginRegistration;
import dev.baton.activities.control.PluginReport;
import dev.baton.activities.control.PluginReports;
import dev.baton.activities.entity.ActivityRun;
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
 * Messages arriving on {@code baton.activities}, a TextMessage whose property {@code baton_op} says what
 * it is:
 *
 * <ul>
 *   <li>{@code register} / {@code deregister}: property {@code baton_activity} (the activity); the body is
 *       the registration JSON of {@code POST /api/activities/{name}/plugins}, or {@code {"name": ...}};
 *   <li>{@code progress} / {@code complete} / {@code error}: a plugin reports on itself; properties {@code
 *       baton_activity_run} (the run id) and {@code baton_plugin} (the plugin), {@code baton_activity}
 *       optional (it must then be the run's activity); the body is that of {@code POST
 *       /api/activity-runs/{id}/plugins/{plugin}/progress|complete|error}.
 * </ul>
 *
 * Processed in the consuming transaction; an invalid message (bad properties or body, an unknown plugin
 * or run, a report the plugin's state refuses) goes to the dead letters with the reason. Uses the CDI
 * control classes directly, not {@link ActivityService}: an EJB throwing the (rollback) problem would
 * leave no transaction to dead-letter in.
 */
@Stateless
public class JmsActivities {

    static final String ORIGIN = "baton.activities";
    /** The registering user of plugins registered over JMS (the broker does not pass the sender on). */
    static final String JMS_USER = "jms";

    static final List<String> OPS = List.of("register", "deregister", "progress", "complete", "error");

    @Inject
    ActivityRegistry registry;

    @Inject
    ActivityRuns runs;

    @Inject
    PluginReports reports;

    @Inject
    DeadLetters deadLetters;

    public void process(Message message) throws JMSException {
        try {
            String op = message.getStringProperty(Destinations.OP);
            if (op == null || !OPS.contains(op)) {
                throw ProblemException.badRequest(
                        Destinations.OP, "must be one of " + String.join(", ", OPS) + " (was " + quoted(op) + ")");
            }
            PluginReport.Kind report = PluginReport.Kind.of(op);
            String activity = message.getStringProperty(Destinations.ACTIVITY);
            if (report == null || activity != null) {
                Violation badActivity = PluginRegistration.checkActivity(activity);
                if (badActivity != null) {
                    throw ProblemException.invalid(
                            List.of(new Violation(Destinations.ACTIVITY, badActivity.message())));
                }
            }
            if (!(message instanceof TextMessage text)) {
                throw ProblemException.badRequest("body", "must be a TextMessage holding JSON");
            }
            if (report != null) {
                report(message, activity, report, text.getText());
            } else if ("register".equals(op)) {
                registry.register(PluginRegistration.parse(activity, text.getText()), JMS_USER);
            } else {
                registry.deregister(activity, PluginRegistration.parseName(text.getText()));
            }
        } catch (ProblemException e) {
            deadLetters.send(message, ORIGIN, e.getMessage());
        }
    }

    private void report(Message message, String activity, PluginReport.Kind kind, String body) throws JMSException {
        String runId = required(message, Destinations.ACTIVITY_RUN, "the activity run's id");
        String plugin = required(message, Destinations.PLUGIN, "the reporting plugin's name");
        if (activity != null) {
            ActivityRun run = runs.run(runId);
            if (!run.getActivity().equals(activity)) {
                throw ProblemException.badRequest(
                        Destinations.ACTIVITY,
                        "activity run " + runId + " is a run of '" + run.getActivity() + "', not '" + activity + "'");
            }
        }
        reports.report(runId, plugin, kind, body);
    }

    private static String required(Message message, String property, String what) throws JMSException {
        String value = message.getStringProperty(property);
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(property, "is required: " + what);
        }
        return value;
    }

    private static String quoted(String text) {
        return text == null ? "absent" : "'" + text + "'";
    }
}

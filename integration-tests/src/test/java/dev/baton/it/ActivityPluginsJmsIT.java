package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of the {@code baton.activities} queue: plugin registration (properties {@code
 * baton_activity} and {@code baton_op}) and plugins' reports on themselves ({@code baton_op} progress,
 * complete or error with {@code baton_activity_run} and {@code baton_plugin}). What Baton accepts shows
 * over REST; every message it cannot accept ends in {@code baton.dlq} with the reason and origin.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityPluginsJmsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api admin = Api.admin();
    private JMSContext worker;
    private JMSContext deadLetters;

    @BeforeEach
    void connect() {
        worker = Jms.connect("worker", "worker");
        deadLetters = Jms.connect("baton", "baton");
    }

    @AfterEach
    void close() {
        worker.close();
        deadLetters.close();
    }

    private static String activity() {
        return "it-jms-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private TextMessage send(String activity, String op, String body, String correlationId) throws JMSException {
        TextMessage message = worker.createTextMessage(body);
        if (activity != null) {
            message.setStringProperty("baton_activity", activity);
        }
        if (op != null) {
            message.setStringProperty("baton_op", op);
        }
        message.setJMSCorrelationID(correlationId);
        worker.createProducer().send(Jms.activitiesQueue(worker), message);
        return message;
    }

    private Message deadLetterOf(String activity, String op, String body) throws JMSException {
        String correlationId = Jms.uniqueId();
        send(activity, op, body, correlationId);
        Message dead = Jms.deadLetter(deadLetters, correlationId);
        assertThat(dead).as("dead letter of " + body).isNotNull();
        assertThat(dead.getStringProperty("baton_origin")).isEqualTo("baton.activities");
        return dead;
    }

    @Test
    void aRegistrationOverJmsIsVisibleOverRestAndADeregistrationRemovesIt() throws JMSException {
        String activity = activity();
        send(
                activity,
                "register",
                "{\"name\":\"fraud\",\"stage\":\"pre\",\"order\":3,\"handler\":\"echo\",\"filter\":\"amount > 10\"}",
                Jms.uniqueId());

        JsonObject plugin = await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/activities/" + activity + "/plugins/fraud"), r -> r.status() == 200)
                .json();
        assertThat(plugin.getString("stage")).isEqualTo("pre");
        assertThat(plugin.getInt("order")).isEqualTo(3);
        assertThat(plugin.getString("filter")).isEqualTo("amount > 10");
        assertThat(plugin.getString("registeredBy")).isEqualTo("jms");

        send(activity, "register", "{\"name\":\"fraud\",\"stage\":\"post\",\"order\":1,\"handler\":\"echo\"}", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/activities/" + activity + "/plugins/fraud")
                .json()
                .getString("stage")
                .equals("post"));

        send(activity, "deregister", "{\"name\":\"fraud\"}", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/activities/" + activity).status() == 404);
    }

    @Test
    void malformedJsonIsDeadLetteredWithItsPosition() throws JMSException {
        String body = "{\"name\":\"p\",";
        Message dead = deadLetterOf(activity(), "register", body);

        assertThat(dead.getStringProperty("baton_error")).contains("line").contains("column");
        assertThat(dead.getBody(String.class)).isEqualTo(body);
    }

    @Test
    void anInvalidFilterIsDeadLetteredWithTheColumn() throws JMSException {
        String activity = activity();
        Message dead = deadLetterOf(
                activity, "register", "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\",\"filter\":\"a = \"}");

        assertThat(dead.getStringProperty("baton_error")).contains("/filter").contains("column");
        assertThat(admin.get("/api/activities/" + activity).status()).isEqualTo(404);
    }

    @Test
    void aMissingOrUnknownOperationIsDeadLettered() throws JMSException {
        String body = "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\"}";

        assertThat(deadLetterOf(activity(), null, body).getStringProperty("baton_error"))
                .contains("baton_op");
        assertThat(deadLetterOf(activity(), "subscribe", body).getStringProperty("baton_error"))
                .contains("baton_op")
                .contains("subscribe");
    }

    @Test
    void aMissingOrInvalidActivityIsDeadLettered() throws JMSException {
        String body = "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"h\"}";

        assertThat(deadLetterOf(null, "register", body).getStringProperty("baton_error"))
                .contains("baton_activity");
        assertThat(deadLetterOf("a b", "register", body).getStringProperty("baton_error"))
                .contains("baton_activity");
    }

    @Test
    void brokenRulesAndUnknownPluginsAreDeadLettered() throws JMSException {
        assertThat(deadLetterOf(activity(), "register", "{\"name\":\"p\",\"stage\":\"pre\",\"handler\":\"h\"}")
                        .getStringProperty("baton_error"))
                .contains("/order");
        assertThat(deadLetterOf(activity(), "deregister", "{\"name\":\"never-registered\"}")
                        .getStringProperty("baton_error"))
                .contains("never-registered");
    }

    @Test
    void aBytesMessageIsDeadLetteredWithItsBytes() throws JMSException {
        String correlationId = Jms.uniqueId();
        BytesMessage message = worker.createBytesMessage();
        message.writeBytes("{}".getBytes(StandardCharsets.UTF_8));
        message.setStringProperty("baton_activity", activity());
        message.setStringProperty("baton_op", "register");
        message.setJMSCorrelationID(correlationId);
        worker.createProducer().send(Jms.activitiesQueue(worker), message);

        Message dead = Jms.deadLetter(deadLetters, correlationId);

        assertThat(dead).isInstanceOf(BytesMessage.class);
        assertThat(dead.getStringProperty("baton_error")).contains("TextMessage");
    }

    @Test
    void aWorkerMayOnlySendToTheActivitiesQueue() {
        try (JMSContext jms = Jms.connect("worker", "worker")) {
            assertThatThrownBy(() -> jms.createProducer().send(Jms.submitQueue(jms), "{\"handler\":\"echo\"}"))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    /** A report message for plugin {@code plugin} of run {@code runId} (null properties are left out). */
    private void sendReport(String op, String runId, String plugin, String activity, String body, String correlationId)
            throws JMSException {
        TextMessage message = worker.createTextMessage(body);
        message.setStringProperty("baton_op", op);
        if (runId != null) {
            message.setStringProperty("baton_activity_run", runId);
        }
        if (plugin != null) {
            message.setStringProperty("baton_plugin", plugin);
        }
        if (activity != null) {
            message.setStringProperty("baton_activity", activity);
        }
        message.setJMSCorrelationID(correlationId);
        worker.createProducer().send(Jms.activitiesQueue(worker), message);
    }

    private String deadReport(String op, String runId, String plugin, String activity, String body)
            throws JMSException {
        String correlationId = Jms.uniqueId();
        sendReport(op, runId, plugin, activity, body, correlationId);
        Message dead = Jms.deadLetter(deadLetters, correlationId);
        assertThat(dead).as("dead letter of " + op + " " + body).isNotNull();
        assertThat(dead.getStringProperty("baton_origin")).isEqualTo("baton.activities");
        return dead.getStringProperty("baton_error");
    }

    /** Starts a run of a new activity with one report plugin {@code p}; waits until its handler returned. */
    private String runWaitingForAReport(Activities activities, String activity, boolean optional) {
        activities.register(
                activity,
                "{\"name\":\"p\",\"stage\":\"parallel\",\"handler\":\"echo\",\"completion\":\"report\","
                        + "\"optional\":" + optional + "}");
        String id = activities.startId(activity, "{}");
        JsonObject run = activities.awaitPlugin(id, "p", "InProgress");
        activities.awaitTask(Activities.plugin(run, "p").getString("taskId"), "SUCCEEDED");
        return id;
    }

    @Test
    void aPluginReportsProgressAndCompletionOverJms() throws JMSException {
        Activities activities = Activities.of(admin);
        String activity = activity();
        String id = runWaitingForAReport(activities, activity, false);

        sendReport("progress", id, "p", activity, "{\"message\":\"half way\"}", Jms.uniqueId());
        Activities.await()
                .until(
                        () -> Activities.plugin(activities.get(id), "p"),
                        p -> p.containsKey("message") && "half way".equals(p.getString("message")));
        sendReport("complete", id, "p", null, "{\"message\":\"done\",\"result\":[1,2]}", Jms.uniqueId());

        JsonObject run = activities.awaitEnd(id);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("COMPLETED");
        JsonObject p = Activities.plugin(run, "p");
        assertThat(p.getString("status")).isEqualTo("Complete");
        assertThat(p.getString("message")).isEqualTo("done");
        assertThat(p.getJsonArray("result")).hasSize(2);
    }

    @Test
    void anErrorReportOverJmsFailsTheRun() throws JMSException {
        Activities activities = Activities.of(admin);
        String activity = activity();
        String id = runWaitingForAReport(activities, activity, false);

        sendReport("error", id, "p", activity, "{\"message\":\"disk full\"}", Jms.uniqueId());

        JsonObject run = activities.awaitEnd(id);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("disk full");
        assertThat(Activities.plugin(run, "p").getString("status")).isEqualTo("Error");
    }

    @Test
    void reportsBatonCannotApplyAreDeadLetteredWithTheReason() throws JMSException {
        Activities activities = Activities.of(admin);
        String activity = activity();
        String id = runWaitingForAReport(activities, activity, true);
        String message = "{\"message\":\"m\"}";

        assertThat(deadReport("complete", null, "p", null, message)).contains("baton_activity_run");
        assertThat(deadReport("complete", id, null, null, message)).contains("baton_plugin");
        assertThat(deadReport("complete", "no-such-run", "p", null, message)).contains("no-such-run");
        assertThat(deadReport("complete", id, "nope", null, message)).contains("nope");
        assertThat(deadReport("progress", id, "p", "other-activity", message))
                .contains("baton_activity")
                .contains(activity);
        assertThat(deadReport("error", id, "p", null, "{\"message\":"))
                .contains("line")
                .contains("column");
        assertThat(deadReport("error", id, "p", null, "{}")).contains("/message");
        assertThat(deadReport("complete", id, "p", null, "{\"colour\":1}")).contains("/colour");
        assertThat(Activities.plugin(activities.get(id), "p").getString("status"))
                .as("no dead-lettered report changed the plugin")
                .isEqualTo("InProgress");

        sendReport("complete", id, "p", activity, "{}", Jms.uniqueId());
        activities.awaitEnd(id);
        assertThat(deadReport("complete", id, "p", null, "{}"))
                .contains("Complete")
                .contains("not InProgress");
    }

    @Test
    void aHandlerPluginCannotReportItsEndOverJms() throws JMSException {
        Activities activities = Activities.of(admin);
        String activity = activity();
        activities.register(activity, "{\"name\":\"slow\",\"stage\":\"parallel\",\"handler\":\"sleep\"}");
        String id = activities.startId(activity, "{\"ms\":60000}");
        activities.awaitPlugin(id, "slow", "InProgress");
        try {
            assertThat(deadReport("complete", id, "slow", null, "{}")).contains("completion");
        } finally {
            admin.post(Activities.RUNS + "/" + id + "/cancel");
        }
    }
}

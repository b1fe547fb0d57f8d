package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests of task submission over JMS from a remote client: a JSON TextMessage on
 * {@code baton.submit}, the finished task as the reply on {@code JMSReplyTo}, idempotency keys.
 */
@ExtendWith(ArquillianExtension.class)
class JmsSubmissionIT {

    private static final String ADD = "{\"handler\":\"add.js\",\"params\":{\"a\":2,\"b\":3}}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private JMSContext jms;
    private TemporaryQueue replies;

    @BeforeEach
    void connect() {
        jms = Jms.connect("submitter", "submitter");
        replies = jms.createTemporaryQueue();
    }

    @AfterEach
    void close() {
        jms.close();
    }

    @Test
    void replyCarriesTheFinishedTaskAndTheRequestsCorrelationId() throws JMSException {
        String correlationId = Jms.uniqueId();

        submit(ADD, correlationId);
        Message reply = receiveReply();

        assertThat(reply.getJMSCorrelationID()).isEqualTo(correlationId);
        JsonObject task = Jms.json(reply);
        assertThat(task.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(task.getInt("result")).isEqualTo(5);
        assertThat(task.getString("handler")).isEqualTo("add.js");
        assertThat(task.getString("user")).isEqualTo("jms");
        assertThat(reply.getStringProperty("baton_task_id")).isEqualTo(task.getString("id"));
        assertThat(reply.getStringProperty("baton_status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void withoutCorrelationIdTheReplyIsCorrelatedByTheRequestsMessageId() throws JMSException {
        TextMessage request = submit(ADD, null);
        Message reply = receiveReply();

        assertThat(request.getJMSMessageID()).startsWith("ID:");
        assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
        assertThat(Jms.json(reply).getInt("result")).isEqualTo(5);
    }

    @Test
    void aTaskThatFailsEveryTryIsAnsweredOnceWithItsError() throws JMSException {
        submit("{\"handler\":\"fail\",\"params\":{\"message\":\"nope\"},\"maxTries\":2}", Jms.uniqueId());
        Message reply = receiveReply();

        JsonObject task = Jms.json(reply);
        assertThat(reply.getStringProperty("baton_status")).isEqualTo("ERROR");
        assertThat(task.getString("status")).isEqualTo("ERROR");
        assertThat(task.getString("error")).contains("nope");
        assertThat(task.getInt("tries")).isEqualTo(2);
        assertThat(Jms.receive(jms, replies, null, 1_000)).as("a second reply").isNull();
    }

    @Test
    void aClientUsing1xPrefixesNamesTheQueueBatonSubmit() throws JMSException {
        try (JMSContext prefixing = Jms.connectWith1xPrefixes("baton", "baton")) {
            TemporaryQueue ownReplies = prefixing.createTemporaryQueue();
            String correlationId = Jms.uniqueId();
            prefixing
                    .createProducer()
                    .setJMSReplyTo(ownReplies)
                    .setJMSCorrelationID(correlationId)
                    .send(prefixing.createQueue("baton.submit"), ADD);

            Message reply = Jms.receive(prefixing, ownReplies, null, Jms.RECEIVE_MILLIS);
            assertThat(reply).as("a reply within %d ms", Jms.RECEIVE_MILLIS).isNotNull();
            assertThat(reply.getJMSCorrelationID()).isEqualTo(correlationId);
            assertThat(Jms.json(reply).getInt("result")).isEqualTo(5);
        }
    }

    @Test
    void aJmsTaskIsVisibleOverRest() {
        submit("{\"handler\":\"echo\",\"params\":{\"from\":\"jms\"},\"priority\":80}", Jms.uniqueId());
        String id = Jms.json(receiveReply()).getString("id");

        Api.Reply byId = Api.admin().get("/api/tasks/" + id);
        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.json().getString("status")).isEqualTo("SUCCEEDED");
        assertThat(byId.json().getString("user")).isEqualTo("jms");
        assertThat(byId.json().getInt("priority")).isEqualTo(80);
        assertThat(byId.json().getJsonObject("result").getString("from")).isEqualTo("jms");

        Api.Reply listed = Api.admin().get("/api/tasks?user=jms&handler=echo&limit=1000");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(ids(listed.json())).contains(id);
    }

    @Test
    void twoMessagesWithOneIdempotencyKeyCreateOneTask() throws JMSException {
        String key = Jms.uniqueId();
        String body = "{\"handler\":\"echo\",\"params\":{\"n\":1},\"name\":\"" + key + "\",\"idempotencyKey\":\"" + key
                + "\"}";

        submit(body, Jms.uniqueId());
        submit(body, Jms.uniqueId());
        Message first = receiveReply();
        Message second = receiveReply();

        assertThat(Jms.json(second).getString("id")).isEqualTo(Jms.json(first).getString("id"));
        assertThat(List.of(first.propertyExists("baton_duplicate"), second.propertyExists("baton_duplicate")))
                .containsExactlyInAnyOrder(true, false);
        Message original = first.propertyExists("baton_duplicate") ? second : first;
        assertThat(Jms.json(original).getString("status")).isEqualTo("SUCCEEDED");
        JsonObject jmsTasks =
                Api.admin().get("/api/tasks?user=jms&handler=echo&limit=1000").json();
        assertThat(jmsTasks.getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(t -> key.equals(t.getString("name", null))))
                .hasSize(1);
    }

    @Test
    void theIdempotencyKeyMayAlsoComeAsAMessageProperty() throws JMSException {
        String key = Jms.uniqueId();
        TextMessage first = jms.createTextMessage(ADD);
        first.setStringProperty("baton_idempotency_key", key);
        first.setJMSReplyTo(replies);
        jms.createProducer().send(Jms.submitQueue(jms), first);
        String id = Jms.json(receiveReply()).getString("id");

        TextMessage again = jms.createTextMessage(ADD);
        again.setStringProperty("baton_idempotency_key", key);
        again.setJMSReplyTo(replies);
        jms.createProducer().send(Jms.submitQueue(jms), again);
        Message duplicate = receiveReply();

        assertThat(duplicate.getBooleanProperty("baton_duplicate")).isTrue();
        assertThat(duplicate.getJMSCorrelationID()).isEqualTo(again.getJMSMessageID());
        assertThat(Jms.json(duplicate).getString("id")).isEqualTo(id);
        assertThat(Jms.json(duplicate).getInt("result")).isEqualTo(5);
    }

    private TextMessage submit(String body, String correlationId) {
        try {
            TextMessage message = jms.createTextMessage(body);
            message.setJMSReplyTo(replies);
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            jms.createProducer().send(Jms.submitQueue(jms), message);
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private Message receiveReply() {
        Message reply = Jms.receive(jms, replies, null, Jms.RECEIVE_MILLIS);
        assertThat(reply).as("a reply within %d ms", Jms.RECEIVE_MILLIS).isNotNull();
        return reply;
    }

    private static List<String> ids(JsonObject page) {
        List<String> ids = new ArrayList<>();
        page.getJsonArray("items").forEach(item -> ids.add(item.asJsonObject().getString("id")));
        return ids;
    }
}

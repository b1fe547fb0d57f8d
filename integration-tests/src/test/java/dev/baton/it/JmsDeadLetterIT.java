package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box tests: a submission Baton cannot accept ends in {@code baton.dlq} with the reason in
 * {@code baton_error}, the origin in {@code baton_origin} and the request's correlation id; it is
 * neither dropped nor answered with a task.
 */
@ExtendWith(ArquillianExtension.class)
class JmsDeadLetterIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private JMSContext jms;

    @BeforeEach
    void connect() {
        jms = Jms.connect("submitter", "submitter");
    }

    @AfterEach
    void close() {
        jms.close();
    }

    @Test
    void malformedJsonIsDeadLetteredWithItsPosition() throws JMSException {
        String body = "{\"handler\": \"echo\",";
        Message dead = deadLetterOf(jms.createTextMessage(body));

        assertThat(dead.getStringProperty("baton_error"))
                .containsIgnoringCase("line")
                .containsIgnoringCase("column");
        assertThat(dead.getBody(String.class)).isEqualTo(body);
    }

    @Test
    void anUnknownHandlerIsDeadLettered() throws JMSException {
        Message dead = deadLetterOf(jms.createTextMessage("{\"handler\":\"no-such-handler\"}"));

        assertThat(dead.getStringProperty("baton_error"))
                .contains("no-such-handler")
                .contains("not registered");
    }

    @Test
    void aBytesMessageIsDeadLetteredWithItsBytes() throws JMSException {
        byte[] body = "{\"handler\":\"echo\"}".getBytes(StandardCharsets.UTF_8);
        BytesMessage message = jms.createBytesMessage();
        message.writeBytes(body);

        Message dead = deadLetterOf(message);

        assertThat(dead.getStringProperty("baton_error")).contains("TextMessage");
        assertThat(dead).isInstanceOf(BytesMessage.class);
        assertThat(dead.getBody(byte[].class)).isEqualTo(body);
    }

    @Test
    void anOutOfRangePriorityIsDeadLettered() throws JMSException {
        Message dead = deadLetterOf(jms.createTextMessage("{\"handler\":\"echo\",\"priority\":101}"));

        assertThat(dead.getStringProperty("baton_error")).contains("priority");
    }

    @Test
    void anEmptyIdempotencyKeyPropertyIsDeadLettered() throws JMSException {
        TextMessage message = jms.createTextMessage("{\"handler\":\"echo\"}");
        message.setStringProperty("baton_idempotency_key", "");

        Message dead = deadLetterOf(message);

        assertThat(dead.getStringProperty("baton_error")).contains("baton_idempotency_key");
    }

    @Test
    void anEmptyTextMessageIsDeadLettered() throws JMSException {
        Message dead = deadLetterOf(jms.createTextMessage());

        assertThat(dead.getStringProperty("baton_error")).contains("JSON");
    }

    @Test
    void aDeadLetteredSubmissionGetsNoReply() throws JMSException {
        var replies = jms.createTemporaryQueue();
        TextMessage message = jms.createTextMessage("{\"handler\":\"echo\",\"maxTries\":0}");
        message.setJMSReplyTo(replies);

        Message dead = deadLetterOf(message);

        assertThat(dead.getStringProperty("baton_error")).contains("maxTries");
        assertThat(Jms.receive(jms, replies, null, 2_000)).as("a reply").isNull();
    }

    @Test
    void aReplyWhoseTemporaryQueueIsGoneIsDeadLetteredAndTheTaskStillFinishes() throws JMSException {
        String correlationId = Jms.uniqueId();
        try (JMSContext client = Jms.connect("submitter", "submitter")) {
            TextMessage message = client.createTextMessage("{\"handler\":\"sleep\",\"params\":{\"ms\":1000}}");
            message.setJMSReplyTo(client.createTemporaryQueue());
            message.setJMSCorrelationID(correlationId);
            client.createProducer().send(Jms.submitQueue(client), message);
        } // closing the connection deletes its temporary queue before the task ends

        Message dead = Jms.deadLetter(jms, correlationId);

        assertThat(dead).as("the undeliverable reply for %s", correlationId).isNotNull();
        assertThat(dead.getStringProperty("baton_origin")).isEqualTo("reply");
        assertThat(dead.getStringProperty("baton_error")).contains("does not exist");
        assertThat(dead.getStringProperty("baton_status")).isEqualTo("SUCCEEDED");
        String id = dead.getStringProperty("baton_task_id");
        assertThat(Jms.json(dead).getString("id")).isEqualTo(id);
        assertThat(Api.admin().get("/api/tasks/" + id).json().getString("status"))
                .isEqualTo("SUCCEEDED");
    }

    /** Sends {@code message} with a fresh correlation id and returns its dead letter. */
    private Message deadLetterOf(Message message) throws JMSException {
        String correlationId = Jms.uniqueId();
        message.setJMSCorrelationID(correlationId);
        jms.createProducer().send(Jms.submitQueue(jms), message);

        Message dead = Jms.deadLetter(jms, correlationId);

        assertThat(dead).as("a dead letter for %s", correlationId).isNotNull();
        assertThat(dead.getStringProperty("baton_origin")).isEqualTo("baton.submit");
        assertThat(dead.getJMSCorrelationID()).isEqualTo(correlationId);
        return dead;
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box tests: remote JMS clients authenticate against the Baton realm and need role submitter. */
@ExtendWith(ArquillianExtension.class)
class JmsSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    @Test
    void aWrongPasswordCannotConnect() {
        assertThatThrownBy(() -> Jms.connect("submitter", "wrong").close())
                .isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    void anUnknownUserCannotConnect() {
        assertThatThrownBy(() -> Jms.connect("nobody", "nobody").close())
                .isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    void aUserWithoutRoleSubmitterCannotSend() {
        try (JMSContext jms = Jms.connect("viewer", "viewer")) {
            var submit = Jms.submitQueue(jms);
            var producer = jms.createProducer();

            assertThatThrownBy(() -> producer.send(submit, "{\"handler\":\"echo\"}"))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    void aUserWithoutRoleSubmitterCannotReadDeadLetters() {
        try (JMSContext jms = Jms.connect("viewer", "viewer")) {
            var deadLetters = Jms.deadLetterQueue(jms);

            assertThatThrownBy(() -> jms.createConsumer(deadLetters).close())
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    void theSubmitterRoleCanSend() {
        try (JMSContext jms = Jms.connect("submitter", "submitter")) {
            String correlationId = Jms.uniqueId();
            jms.createProducer()
                    .setJMSCorrelationID(correlationId)
                    .send(Jms.submitQueue(jms), "{\"handler\":\"no-such-handler\"}");

            assertThat(Jms.deadLetter(jms, correlationId)).isNotNull();
        }
    }
}

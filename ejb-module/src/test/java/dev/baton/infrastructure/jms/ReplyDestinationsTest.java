package dev.baton.infrastructure.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQTopic;
import org.junit.jupiter.api.Test;

class ReplyDestinationsTest {

    @Test
    void aRemoteClientsTemporaryQueueIsKeptByItsUnprefixedAddress() throws JMSException {
        String encoded = ReplyDestinations.encode(ActiveMQDestination.createTemporaryQueue("0f6c-uuid"));

        assertThat(encoded).isEqualTo("queue:0f6c-uuid");
        assertThat(ReplyDestinations.decode(encoded))
                .isInstanceOf(Queue.class)
                .extracting(d -> ((ActiveMQQueue) d).getAddress())
                .isEqualTo("0f6c-uuid");
    }

    @Test
    void aQueueNamedWithThe1xPrefixIsKeptByItsAddressNotItsShortName() throws JMSException {
        ActiveMQQueue replies = ActiveMQDestination.createQueue("jms.queue.replies", "replies");

        String encoded = ReplyDestinations.encode(replies);

        assertThat(encoded).isEqualTo("queue:jms.queue.replies");
        assertThat(((ActiveMQQueue) ReplyDestinations.decode(encoded)).getAddress())
                .isEqualTo("jms.queue.replies");
    }

    @Test
    void topicsStayTopics() throws JMSException {
        String encoded = ReplyDestinations.encode(ActiveMQDestination.createTemporaryTopic("t-uuid"));

        assertThat(encoded).isEqualTo("topic:t-uuid");
        assertThat(ReplyDestinations.decode(encoded))
                .isInstanceOf(Topic.class)
                .extracting(d -> ((ActiveMQTopic) d).getAddress())
                .isEqualTo("t-uuid");
    }

    @Test
    void anythingElseIsRejected() {
        assertThatThrownBy(() -> ReplyDestinations.decode("t-uuid")).isInstanceOf(IllegalArgumentException.class);
    }
}

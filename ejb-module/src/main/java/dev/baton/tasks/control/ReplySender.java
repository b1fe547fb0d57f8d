package dev.baton.tasks.control;

import dev.baton.tasks.entity.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/**
 * Sends a finished task to the {@code JMSReplyTo} its JMS submission named, with the request's
 * correlation id. Destinations are stored by name ("queue:NAME" / "topic:NAME").
 */
@ApplicationScoped
public class ReplySender {

    @Inject
    JMSContext jms;

    @Inject
    TaskStore store;

    public static String encode(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return "queue:" + queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return "topic:" + topic.getTopicName();
        }
        return null;
    }

    public void sendIfRequested(Task task) {
        String replyTo = task.getReplyTo();
        if (replyTo == null) {
            return;
        }
        Destination destination = replyTo.startsWith("topic:")
                ? jms.createTopic(replyTo.substring("topic:".length()))
                : jms.createQueue(replyTo.substring("queue:".length()));
        String body = TaskJson.of(task, store.attempts(task.getId())).toString();
        jms.createProducer()
                .setJMSCorrelationID(task.getCorrelationId())
                .setProperty("baton_task_id", task.getId())
                .setProperty("baton_status", task.getStatus().name())
                .send(destination, body);
    }
}

package dev.baton.sdk;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Submissions over JMS (docs/jms.md): a {@code TextMessage} with the submission JSON to the submit queue,
 * {@code JMSReplyTo} a temporary queue of this client and a correlation id; Baton replies with the task
 * JSON when the task ends (at once, with {@code baton_duplicate}, for a repeated idempotency key). Only
 * this class touches {@code jakarta.jms}, so the API is needed only when the JMS option is used.
 */
final class JmsSubmissions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JmsSubmissions.class.getName());

    private final JMSContext sending;
    private final JMSContext receiving;
    private final Queue submit;
    private final TemporaryQueue replies;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    JmsSubmissions(ConnectionFactory factory, String queueName, String user, String password) {
        this.sending = user == null ? factory.createContext() : factory.createContext(user, password);
        try {
            this.receiving = sending.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            this.submit = sending.createQueue(queueName);
            this.replies = receiving.createTemporaryQueue();
            receiving.createConsumer(replies).setMessageListener(this::onReply);
        } catch (JMSRuntimeException e) {
            sending.close();
            throw new BatonException("cannot set up JMS submissions to " + queueName + ": " + e.getMessage(), e);
        }
    }

    /** Sends the submission; the future completes with the task JSON of Baton's reply. */
    CompletableFuture<JsonObject> submit(JsonObject body, String correlationId, String idempotencyKey) {
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(correlationId, reply);
        try {
            synchronized (sending) {
                TextMessage message = sending.createTextMessage(body.toString());
                message.setJMSCorrelationID(correlationId);
                message.setJMSReplyTo(replies);
                if (idempotencyKey != null) {
                    message.setStringProperty("baton_idempotency_key", idempotencyKey);
                }
                sending.createProducer().send(submit, message);
            }
        } catch (JMSException | JMSRuntimeException e) {
            pending.remove(correlationId);
            throw new BatonException("JMS submission failed: " + e.getMessage(), e);
        }
        return reply;
    }

    private void onReply(Message message) {
        try {
            String correlationId = message.getJMSCorrelationID();
            CompletableFuture<JsonObject> reply = correlationId == null ? null : pending.remove(correlationId);
            if (reply == null) {
                LOG.log(Level.DEBUG, "JMS reply for no pending submission: {0}", correlationId);
                return;
            }
            JsonObject task = JsonCodec.parseObject(message.getBody(String.class));
            if (task == null) {
                reply.completeExceptionally(new BatonException("a JMS reply without a task: " + message));
            } else {
                reply.complete(task);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable JMS reply: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        pending.values().forEach(reply -> reply.completeExceptionally(new BatonException("the client was closed")));
        pending.clear();
        try {
            receiving.close();
        } finally {
            sending.close();
        }
    }
}

package dev.baton.tasks.boundary;

import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.infrastructure.jms.DeadLetters;
import dev.baton.infrastructure.jms.ReplyDestinations;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.control.ReplySender;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.control.TaskRequestParser;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.Task;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Task submissions arriving on {@code baton.submit}: a JSON TextMessage with the body of
 * {@code POST /api/tasks}. Runs in the consuming transaction: the task and its dispatch commit with the
 * message's consumption. A malformed message is moved to {@code baton.dlq} with the reason in
 * {@code baton_error}, also in that transaction, so it is never lost and never retried in vain. A
 * repeated idempotency key creates no task: the reply, if one was asked for, is the task the key names,
 * marked {@code baton_duplicate}.
 */
@Stateless
public class JmsSubmissions {

    private static final Logger LOG = Logger.getLogger(JmsSubmissions.class.getName());
    static final String JMS_USER = "jms";
    /** The message property that may carry the idempotency key instead of the JSON field. */
    static final String IDEMPOTENCY_KEY = "baton_idempotency_key";

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    HandlerRegistry handlers;

    @Inject
    ReplySender replies;

    @Inject
    TaskStore store;

    @Inject
    DeadLetters deadLetters;

    public void submit(Message message) throws JMSException {
        TaskRequest request;
        try {
            if (!(message instanceof TextMessage text)) {
                deadLetter(message, "a submission must be a TextMessage with a JSON body");
                return;
            }
            request = TaskRequestParser.parse(text.getText());
            if (request.idempotencyKey() == null && message.propertyExists(IDEMPOTENCY_KEY)) {
                request = request.withIdempotencyKey(idempotencyKey(message));
            }
            handlers.requireRegistered(request.handler());
        } catch (ProblemException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        String correlationId = correlationId(message);
        String replyTo = message.getJMSReplyTo() == null ? null : ReplyDestinations.encode(message.getJMSReplyTo());
        if (request.idempotencyKey() != null) {
            Optional<Task> existing = store.findByIdempotencyKey(JMS_USER, request.idempotencyKey());
            if (existing.isPresent()) {
                LOG.fine(() -> "repeated JMS submission answered with task "
                        + existing.get().getId());
                if (replyTo != null) {
                    replies.sendDuplicate(existing.get(), replyTo, correlationId);
                }
                return;
            }
        }
        // Two messages with one key racing: the unique index fails the loser's transaction here; its
        // redelivery then finds the winner above.
        lifecycle.submit(request, JMS_USER, replyTo, correlationId);
    }

    private static String idempotencyKey(Message message) throws JMSException {
        String key = message.getStringProperty(IDEMPOTENCY_KEY);
        if (key == null || key.isEmpty() || key.length() > TaskRequestParser.MAX_TEXT) {
            throw ProblemException.badRequest(
                    IDEMPOTENCY_KEY, "must be 1 to " + TaskRequestParser.MAX_TEXT + " characters");
        }
        return key;
    }

    private static String correlationId(Message message) throws JMSException {
        return DeadLetters.correlationId(message);
    }

    private void deadLetter(Message message, String reason) throws JMSException {
        deadLetters.send(message, "baton.submit", reason);
    }
}

package dev.baton.cluster.boundary;

import dev.baton.cluster.control.CommandRequest;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import dev.baton.tasks.boundary.TaskService;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;

/**
 * Sends a command and waits (up to the caller's limit) until every recipient answered. {@code
 * cancel-task} first cancels the task itself, once, so every node then only has to stop an attempt it
 * runs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandSender {

    static final long POLL_MILLIS = 50;
    static final int MAX_DRAIN_SECONDS = 86_400;

    @EJB
    CommandService commands;

    @EJB
    TaskService tasks;

    @Inject
    TaskStore store;

    public JsonObject send(CommandRequest request, Duration defaultDrainTimeout, String user, Duration wait) {
        Duration drainTimeout = defaultDrainTimeout;
        switch (request.command()) {
            case CommandService.CANCEL_TASK -> cancelTask(request.args());
            case CommandService.DRAIN -> drainTimeout = drainTimeout(request.args(), defaultDrainTimeout);
            default -> {
                // nothing to check
            }
        }
        String id = commands.create(request, drainTimeout, user);
        return await(id, wait);
    }

    /** The command's answers so far, once all are in or {@code wait} is over. */
    public JsonObject await(String id, Duration wait) {
        long deadline = System.currentTimeMillis() + wait.toMillis();
        JsonObject view = commands.view(id);
        while (!view.getBoolean("complete") && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = commands.view(id);
        }
        return view;
    }

    private void cancelTask(JsonObject args) {
        JsonValue taskId = args.get("taskId");
        if (!(taskId instanceof JsonString id) || id.getString().isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("/args/taskId", "is required: the task to cancel")));
        }
        TaskStatus status =
                store.status(id.getString()).orElseThrow(() -> ProblemException.notFound("task", id.getString()));
        if (!status.isTerminal()) {
            tasks.cancel(id.getString());
        }
    }

    private static Duration drainTimeout(JsonObject args, Duration defaultTimeout) {
        JsonValue value = args.get("timeoutSeconds");
        if (value == null) {
            return defaultTimeout;
        }
        if (!(value instanceof JsonNumber n)
                || !n.isIntegral()
                || n.longValue() < 0
                || n.longValue() > MAX_DRAIN_SECONDS) {
            throw ProblemException.invalid(List.of(
                    new Violation("/args/timeoutSeconds", "must be an integer between 0 and " + MAX_DRAIN_SECONDS)));
        }
        return Duration.ofSeconds(n.longValue());
    }
}

package dev.baton.tasks.boundary;

import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.handlers.control.RunningTasks;
import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import dev.baton.tasks.control.DuplicateIdempotencyKey;
import dev.baton.tasks.control.FinishWaits.Outcome;
import dev.baton.tasks.control.FirstDispatches;
import dev.baton.tasks.control.Submission;
import dev.baton.tasks.control.TaskCancellation;
import dev.baton.tasks.control.TaskJson;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskPage;
import dev.baton.tasks.control.TaskQuery;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The task operations of the REST API. */
@Stateless
public class TaskService {

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    TaskStore store;

    @Inject
    HandlerRegistry handlers;

    @Inject
    RunningTasks running;

    @Inject
    TaskCancellation cancellation;

    @Inject
    TaskWaiter waiter;

    @Inject
    FirstDispatches firstDispatches;

    /**
     * Submits a task: 400 for an unregistered handler, the original task for a repeated idempotency key.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SubmitResult submit(TaskRequest request, String user) {
        return submit(Ids.newId(), request, user);
    }

    /**
     * Submits a task and waits up to {@code max} for it to finish ({@code ?wait}). The wait is
     * registered under the new task's id before the task exists, so a finish on this node always reaches
     * it, with the task as its finishing transaction left it (no read afterwards). A repeated
     * idempotency key waits for the original task instead, or not at all when it has finished.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AwaitedSubmission submitAndAwait(TaskRequest request, String user, Duration max) {
        String id = Ids.newId();
        CompletableFuture<Outcome> finish = waiter.awaitFinish(id, max);
        SubmitResult result;
        try {
            result = submit(id, request, user);
        } catch (RuntimeException e) {
            finish.complete(Outcome.TIMED_OUT);
            throw e;
        }
        if (!result.taskId().equals(id)) {
            finish.complete(Outcome.TIMED_OUT);
            finish = TaskJson.isTerminal(result.task())
                    ? CompletableFuture.completedFuture(new Outcome(true, result.task()))
                    : waiter.awaitFinish(result.taskId(), max);
        }
        return new AwaitedSubmission(result, finish);
    }

    private SubmitResult submit(String id, TaskRequest request, String user) {
        handlers.requireRegistered(request.handler());
        if (request.idempotencyKey() != null) {
            Optional<JsonObject> existing = findByKey(user, request.idempotencyKey());
            if (existing.isPresent()) {
                return new SubmitResult(existing.get().getString("id"), existing.get(), false);
            }
        }
        try {
            Task task = lifecycle.submitWithoutDispatch(id, request, user);
            firstDispatches.send(List.of(task));
            return new SubmitResult(task.getId(), TaskJson.of(task, List.of()), true);
        } catch (DuplicateIdempotencyKey | EJBException | PersistenceException e) {
            // Two submissions with one key raced: the unique index let one win; answer with it.
            if (request.idempotencyKey() != null) {
                Optional<JsonObject> winner = findByKey(user, request.idempotencyKey());
                if (winner.isPresent()) {
                    return new SubmitResult(winner.get().getString("id"), winner.get(), false);
                }
            }
            throw e;
        }
    }

    /**
     * Submits a batch in one transaction (one commit for all: far cheaper per task). 400 naming {@code
     * /tasks/<i>/handler} for an unregistered handler. If a concurrent submission took one of the keys
     * meanwhile, the batch is tried once more and then answers with that task.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SubmitResult> submitAll(List<TaskRequest> requests, String user) {
        List<Violation> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!handlers.isRegistered(requests.get(i).handler())) {
                unknown.add(new Violation(
                        "/tasks/" + i + "/handler", "'" + requests.get(i).handler() + "' is not registered"));
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = handlers.names();
            throw new ProblemException(
                    400,
                    "unknown-handler",
                    "Unknown handler",
                    unknown.size() + " task(s) name a handler that is not registered; known handlers: "
                            + String.join(", ", known),
                    unknown,
                    java.util.Map.of("knownHandlers", known));
        }
        List<Submission> tasks;
        try {
            tasks = lifecycle.submitAllWithoutDispatch(requests, user);
        } catch (DuplicateIdempotencyKey | EJBException | PersistenceException e) {
            if (requests.stream().allMatch(r -> r.idempotencyKey() == null)) {
                throw e;
            }
            tasks = lifecycle.submitAllWithoutDispatch(requests, user);
        }
        firstDispatches.send(
                tasks.stream().filter(Submission::created).map(Submission::task).toList());
        return tasks.stream()
                .map(s -> new SubmitResult(s.task().getId(), TaskJson.summary(s.task()), s.created()))
                .toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<JsonObject> findByKey(String user, String key) {
        return store.findByIdempotencyKey(user, key).map(t -> TaskJson.of(t, store.attempts(t.getId())));
    }

    public JsonObject get(String id) {
        Task task = store.find(id).orElseThrow(() -> ProblemException.notFound("task", id));
        return TaskJson.of(task, store.attempts(id));
    }

    /** For each of {@code ids} that exists, whether it is terminal (the {@code ?wait} poll). */
    public Map<String, Boolean> terminalAmong(Collection<String> ids) {
        return store.terminalAmong(ids);
    }

    public JsonObject list(TaskQuery query) {
        TaskPage page = store.list(query);
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.tasks().forEach(t -> items.add(TaskJson.summary(t)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", items).add("limit", query.limit());
        return JsonMembers.text(json, "nextCursor", page.nextCursor()).build();
    }

    /** Cancels a task (and a split parent's unfinished children); stops attempts running on this node. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JsonObject cancel(String id) {
        cancellation.cancelNow(id);
        return get(id);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JsonObject retry(String id) {
        lifecycle.retry(id);
        return get(id);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(String id) {
        lifecycle.delete(id);
    }

    /** Queue depth per priority band, tasks in flight and the dispatch consumers of this node. */
    public JsonObject queues(int consumers) {
        long[] bands = store.queuedByBand();
        Map<TaskStatus, Long> counts = store.countByStatus();
        JsonArrayBuilder bandJson = Json.createArrayBuilder();
        long queued = 0;
        for (int band = 9; band >= 0; band--) {
            queued += bands[band];
            bandJson.add(Json.createObjectBuilder()
                    .add("band", band)
                    .add("priorityFrom", band * 10)
                    .add("priorityTo", band == 9 ? 100 : band * 10 + 9)
                    .add("queued", bands[band]));
        }
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        counts.forEach((s, n) -> statuses.add(s.name(), n));
        return Json.createObjectBuilder()
                .add("name", "baton.dispatch")
                .add("queued", queued)
                .add("inFlight", counts.get(TaskStatus.RUNNING))
                .add("runningOnThisNode", running.count())
                .add("consumers", consumers)
                .add("bands", bandJson)
                .add("tasksByStatus", statuses)
                .build();
    }
}

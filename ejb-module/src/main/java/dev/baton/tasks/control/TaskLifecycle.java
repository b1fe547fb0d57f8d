package dev.baton.tasks.control;

import dev.baton.handlers.control.HandlerInvoker;
import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.handlers.spi.ChildSpec;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.Phase;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.entity.AttemptOutcome;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskAttempt;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every task status change. Each public method is one transaction that locks the task row, checks the
 * {@link TaskStatus} table, and sends the JMS messages the change causes (dispatch, retry, reply) in
 * the same XA transaction: a change and its messages commit together or not at all. The exception is
 * the REST submission ({@link #submitWithoutDispatch}): the task commits alone and its first dispatch
 * is sent after the commit, with recovery covering the gap.
 */
@Stateless
public class TaskLifecycle {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    @Inject
    TaskStore store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    HandlerInvoker invoker;

    @Inject
    HandlerRegistry handlers;

    @Inject
    ReplySender replies;

    @Inject
    BatonConfig config;

    @Inject
    Event<TaskFinished> finished;

    @Inject
    Event<TaskSplit> splits;

    /**
     * While {@link #runInlineGroup} runs: children that ended, counted per parent, so each parent row is
     * updated once per group (a stateless bean instance serves one call at a time). Null otherwise.
     */
    private java.util.Map<String, Integer> childEnds;

    /** Stores a new QUEUED task and dispatches it. The caller checked the handler and the idempotency key. */
    public Task submit(TaskRequest request, String user, String replyTo, String correlationId) {
        return submit(request, user, replyTo, correlationId, null);
    }

    /** Submits a task on behalf of {@code origin} (see {@link Task#getOrigin()}), in the caller's transaction. */
    public Task submit(TaskRequest request, String user, String replyTo, String correlationId, String origin) {
        Task task = store(Ids.newId(), request, user, replyTo, correlationId, origin);
        flush(request);
        dispatcher.dispatchNew(List.of(task));
        return task;
    }

    /**
     * Stores a new QUEUED task under an id chosen beforehand (so a caller can await it before it
     * exists) and sends nothing: its own transaction commits the database alone, one commit instead of a
     * two-phase commit with the broker. The caller sends the first dispatch once this returns, with
     * {@link FirstDispatches#send}; the task names this node as the one that owes it (see {@link
     * Task#getFirstDispatchNode()}), so the node's recovery sends it if the node dies in between.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Task submitWithoutDispatch(String id, TaskRequest request, String user) {
        Task task = store(id, request, user, null, null, null);
        task.setFirstDispatchNode(config.nodeName());
        flush(request);
        return task;
    }

    private Task store(
            String id, TaskRequest request, String user, String replyTo, String correlationId, String origin) {
        Task task = new Task(id, request.handler(), request.priority(), System.currentTimeMillis());
        task.setName(request.name());
        task.setParams(JsonDocuments.print(request.params()));
        task.setMaxTries(request.maxTries());
        task.setTimeoutSeconds(request.timeoutSeconds());
        task.setSubmittedBy(user);
        task.setIdempotencyKey(request.idempotencyKey());
        task.setReply(replyTo, correlationId);
        task.setOrigin(origin);
        em.persist(task);
        return task;
    }

    /**
     * Writes the new rows before anything is sent: the database joins the XA transaction before the
     * JMS session. A duplicate idempotency key fails here, inside the caller's try, before anything is
     * sent.
     */
    private void flush(TaskRequest request) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (request.idempotencyKey() != null) {
                throw new DuplicateIdempotencyKey(request.idempotencyKey(), e);
            }
            throw e;
        }
    }

    /**
     * Submits a batch in one transaction of its own like {@link #submitWithoutDispatch}: each task is stored
     * QUEUED, and the caller sends the first dispatches of the new ones after the commit. A task whose
     * idempotency key {@code user} used before is answered with the original task.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Submission> submitAllWithoutDispatch(List<TaskRequest> requests, String user) {
        List<Submission> tasks = new java.util.ArrayList<>(requests.size());
        String node = config.nodeName();
        for (TaskRequest request : requests) {
            Task existing = request.idempotencyKey() == null
                    ? null
                    : store.findByIdempotencyKey(user, request.idempotencyKey()).orElse(null);
            if (existing != null) {
                tasks.add(new Submission(existing, false));
                continue;
            }
            Task task = store(Ids.newId(), request, user, null, null, null);
            task.setFirstDispatchNode(node);
            if (request.idempotencyKey() != null) {
                flush(request); // names the key that collided with a concurrent submission
            }
            tasks.add(new Submission(task, true));
        }
        em.flush(); // the rows without a key, in one JDBC batch
        return tasks;
    }

    /**
     * Sends again the first dispatch of each of these tasks that is still QUEUED on it, with a new
     * sequence number (so the first message, if it was sent after all, is stale): the first dispatch of
     * a task submitted by {@link #submitWithoutDispatch} may be lost when its node dies, or the broker
     * fails, between the commit and the send. Returns how many were dispatched.
     */
    public int redispatchFirst(List<String> taskIds) {
        int sent = 0;
        java.util.Map<String, Task> tasks = store.lockAll(taskIds);
        for (String id : taskIds) { // in the order given: the order they were submitted in
            Task task = tasks.get(id);
            if (task != null && task.getStatus() == TaskStatus.QUEUED && task.getDispatchSeq() == 1) {
                dispatcher.dispatch(task, Duration.ZERO);
                sent++;
            }
        }
        return sent;
    }

    /**
     * Takes the task for one attempt if it is QUEUED and {@code seq} is its current dispatch; returns
     * null for a stale or duplicate message (the message is then simply consumed). Throws {@link
     * DispatchNotVisibleYet} when the task or this dispatch is not readable yet (the message overtook
     * the commit of its own transaction's database branch). A child whose parent no longer waits for it
     * (cancelled meanwhile) is cancelled instead of started: the parent's cancel cannot see children a
     * split job was creating at that moment.
     */
    public Claim claim(String taskId, int seq, String node) {
        return claim(taskId, seq, node, null);
    }

    /**
     * Claims the task like {@link #claim(String, int, String)}; if its handler is inline (see {@link
     * dev.baton.handlers.spi.TaskHandler#inline()}), also runs the attempt and records its outcome in
     * this same transaction and returns null, as for a stale dispatch. Otherwise returns the claim for
     * the caller to run outside any transaction.
     */
    public Claim claimOrRunInline(String taskId, int seq, String node) {
        Task task = lockVisible(taskId, seq);
        Claim claim = claim(task, seq, node, null);
        if (claim == null || !handlers.isInline(claim.handler())) {
            return claim;
        }
        finish(task, claim, invoker.invoke(claim.handler(), claim.context(Phase.RUN, null)));
        return null;
    }

    /**
     * Claims, runs and records the attempts of a {@link DispatchGroup} of inline-handler tasks in this
     * one transaction; stale or duplicate dispatches claim nothing, as in {@link #claimOrRunInline}.
     * Returns the dispatches whose task or sequence is not readable yet (the message overtook its
     * transaction's database commit), for the caller to try again.
     */
    public List<DispatchGroup.Dispatch> runInlineGroup(DispatchGroup group, String node) {
        java.util.Map<String, Task> tasks = store.lockAll(group.taskIds());
        List<DispatchGroup.Dispatch> notVisible = new java.util.ArrayList<>();
        childEnds = new java.util.LinkedHashMap<>();
        try {
            runLocked(group, tasks, node, notVisible);
            // each parent is locked and counted once for all its children in the group: a split's parent
            // row is large (it holds the split), and rewriting it per child made the transaction huge
            childEnds.forEach(this::countChildEnds);
        } finally {
            childEnds = null;
        }
        return notVisible;
    }

    private void runLocked(
            DispatchGroup group,
            java.util.Map<String, Task> tasks,
            String node,
            List<DispatchGroup.Dispatch> notVisible) {
        for (DispatchGroup.Dispatch dispatch : group.dispatches()) {
            Task task = tasks.get(dispatch.taskId());
            if (task == null || task.getDispatchSeq() < dispatch.seq()) {
                notVisible.add(dispatch);
            } else if (!handlers.isInline(task.getHandler())) {
                // only inline handlers are grouped; anything else gets a dispatch of its own
                if (task.getStatus() == TaskStatus.QUEUED && task.getDispatchSeq() == dispatch.seq()) {
                    dispatcher.dispatch(task, Duration.ZERO);
                }
            } else {
                Claim claim = claim(task, dispatch.seq(), node, null);
                if (claim != null) {
                    finish(task, claim, invoker.invoke(claim.handler(), claim.context(Phase.RUN, null)));
                }
            }
        }
    }

    /**
     * {@link #claim(String, int, String)} for remote worker {@code worker} (null: the node runs it
     * itself). The claim's dispatch sequence is the worker's lease on the task.
     */
    public Claim claim(String taskId, int seq, String node, String worker) {
        return claim(lockVisible(taskId, seq), seq, node, worker);
    }

    private Task lockVisible(String taskId, int seq) {
        Task task = store.lock(taskId).orElse(null);
        if (task == null || task.getDispatchSeq() < seq) {
            throw new DispatchNotVisibleYet(taskId, seq);
        }
        return task;
    }

    /** Claims the locked, visible {@code task} for dispatch {@code seq}; null if that dispatch is stale. */
    private Claim claim(Task task, int seq, String node, String worker) {
        String taskId = task.getId();
        if (task.getStatus() != TaskStatus.QUEUED || task.getDispatchSeq() != seq) {
            return null;
        }
        long now = System.currentTimeMillis();
        if (task.getParentId() != null) {
            TaskStatus parent = store.status(task.getParentId()).orElse(null);
            if (parent != TaskStatus.WAITING) {
                task.setError("not started: parent " + task.getParentId() + " is " + parent);
                terminate(task, TaskStatus.CANCELLED, now);
                return null;
            }
        }
        // Attempts are numbered over the task's whole life: a retry restarts the budget (tries), not
        // the history, so the new attempt never collides with one recorded before the retry. A task
        // never claimed (no start time) has no attempts yet. Asked before any change, so the query
        // does not flush a half-made update (an inline attempt then writes the task row once).
        int attemptNumber = task.getStartTime() == null ? 1 : store.lastAttemptNumber(taskId) + 1;
        task.moveTo(TaskStatus.RUNNING);
        task.setTries(task.getTries() + 1);
        task.setStartTime(now);
        task.setEndTime(null);
        task.setNextTime(null);
        task.setNode(node);
        task.setWorker(worker);
        task.setProgress(null, null);
        em.persist(new TaskAttempt(taskId, attemptNumber, node, worker, now));
        return new Claim(
                taskId,
                task.getName(),
                task.getHandler(),
                task.getParams(),
                attemptNumber,
                task.getPriority(),
                task.getTimeoutSeconds(),
                seq);
    }

    /**
     * Records how an attempt ended. Ignored when the task moved on meanwhile (cancelled, or recovered
     * and retried elsewhere): a stale attempt never overwrites a newer state.
     */
    public TaskStatus finish(Claim claim, HandlerOutcome outcome) {
        return finish(store.lock(claim.taskId()).orElse(null), claim, outcome);
    }

    /** {@link #finish(Claim, HandlerOutcome)} for the claimed task, locked by this transaction. */
    private TaskStatus finish(Task task, Claim claim, HandlerOutcome outcome) {
        long now = System.currentTimeMillis();
        TaskAttempt attempt = store.attempt(claim.taskId(), claim.tryNumber()).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.RUNNING || task.getDispatchSeq() != claim.dispatchSeq()) {
            if (attempt != null && attempt.getOutcome() == null) {
                attempt.end(AttemptOutcome.CANCELLED, "the task changed while this attempt ran", now);
            }
            return task == null ? null : task.getStatus();
        }
        // A task's first attempt is its whole history: observers of its end need not read it back.
        List<TaskAttempt> history = claim.tryNumber() == 1 && attempt != null ? List.of(attempt) : null;
        if (outcome instanceof HandlerOutcome.Success success) {
            end(attempt, AttemptOutcome.SUCCEEDED, null, now);
            task.setResult(JsonDocuments.print(success.result()));
            task.setError(null);
            terminate(task, TaskStatus.SUCCEEDED, now, history);
        } else if (outcome instanceof HandlerOutcome.Failure failure) {
            end(attempt, failure.timedOut() ? AttemptOutcome.TIMED_OUT : AttemptOutcome.FAILED, failure.error(), now);
            fail(task, failure.error(), now, history);
        } else if (outcome instanceof HandlerOutcome.Split split) {
            end(attempt, AttemptOutcome.SPLIT, null, now);
            startWaiting(task, split.children());
        }
        return task.getStatus();
    }

    /**
     * Records what remote worker {@code worker} reports about its attempt under {@code lease}; throws a
     * 409 {@code lease-lost} problem unless the task is still RUNNING there under that lease.
     */
    public TaskStatus finishOwned(String taskId, String worker, int lease, HandlerOutcome outcome) {
        Task task = owned(taskId, worker, lease);
        return finish(
                new Claim(
                        taskId,
                        task.getName(),
                        task.getHandler(),
                        task.getParams(),
                        store.lastAttemptNumber(taskId),
                        task.getPriority(),
                        task.getTimeoutSeconds(),
                        lease),
                outcome);
    }

    /** Stores a remote attempt's progress report; same ownership rule as {@link #finishOwned}. */
    public TaskStatus progress(String taskId, String worker, int lease, Integer percent, String message) {
        Task task = owned(taskId, worker, lease);
        task.setProgress(percent, message);
        return task.getStatus();
    }

    /**
     * Ends the attempt of a task RUNNING on a member that is gone or overdue (re-queued with backoff as
     * a failed try, or ERROR when out of tries). Only when it still runs there: {@code worker} non-null
     * means that remote worker, else the node's own consumers. Returns true when it ended an attempt.
     */
    public boolean revive(String taskId, String worker, String node, AttemptOutcome outcome, String reason) {
        Task task = store.lock(taskId).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.RUNNING) {
            return false;
        }
        boolean there = worker != null
                ? worker.equals(task.getWorker())
                : task.getWorker() == null && node.equals(task.getNode());
        if (!there) {
            return false;
        }
        long now = System.currentTimeMillis();
        store.latestAttempt(taskId).filter(a -> a.getOutcome() == null).ifPresent(a -> a.end(outcome, reason, now));
        fail(task, reason, now);
        return true;
    }

    private Task owned(String taskId, String worker, int lease) {
        Task task = store.lock(taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        if (task.getStatus() != TaskStatus.RUNNING
                || !worker.equals(task.getWorker())
                || task.getDispatchSeq() != lease) {
            throw new ProblemException(
                    409,
                    "lease-lost",
                    "Lease lost",
                    "task " + taskId + " is " + task.getStatus() + " and no longer runs on worker " + worker
                            + " under lease " + lease + "; drop this attempt's result",
                    List.of(),
                    java.util.Map.of("taskStatus", task.getStatus().name()));
        }
        return task;
    }

    /** The attempt running on a node that restarted is over: it counts as a failed try. */
    public void interrupt(String taskId, String reason) {
        Task task = store.lock(taskId).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.RUNNING) {
            return;
        }
        long now = System.currentTimeMillis();
        store.latestAttempt(taskId)
                .filter(a -> a.getOutcome() == null)
                .ifPresent(a -> a.end(AttemptOutcome.INTERRUPTED, reason, now));
        fail(task, reason, now);
    }

    public Task cancel(String taskId) {
        Task task = store.lock(taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        long now = System.currentTimeMillis();
        if (task.getStatus() == TaskStatus.RUNNING) {
            endOpenAttempt(task, "cancelled", now);
        }
        terminate(task, TaskStatus.CANCELLED, now);
        return task;
    }

    /**
     * Cancels the unfinished children of a cancelled parent; returns the ids of those that were
     * RUNNING (their attempts must be stopped where they run). A separate transaction from the
     * parent's cancel, so locks are always taken child before parent (no deadlock with finishing
     * children, which lock their parent).
     */
    public List<String> cancelChildren(String parentId) {
        long now = System.currentTimeMillis();
        List<String> running = new java.util.ArrayList<>();
        for (String childId : store.childIdsNotIn(parentId, TaskStatus.terminal())) {
            store.lock(childId).filter(child -> !child.getStatus().isTerminal()).ifPresent(child -> {
                if (child.getStatus() == TaskStatus.RUNNING) {
                    running.add(child.getId());
                    endOpenAttempt(child, "cancelled with its parent", now);
                }
                child.moveTo(TaskStatus.CANCELLED);
                child.setEndTime(now);
                finished.fire(new TaskFinished(child.getId(), TaskStatus.CANCELLED, child.getOrigin()));
            });
        }
        return running;
    }

    /** Runs an ERROR or CANCELLED task again with a fresh budget of tries. */
    public Task retry(String taskId) {
        Task task = store.lock(taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        // RUNNING -> QUEUED is in the table too (a failed attempt with tries left), but that is not a
        // retry: it would run the task twice at once.
        if (task.getStatus() != TaskStatus.ERROR && task.getStatus() != TaskStatus.CANCELLED) {
            throw ProblemException.conflict(
                    "task " + taskId + " is " + task.getStatus() + "; only ERROR or CANCELLED tasks can be retried");
        }
        long now = System.currentTimeMillis();
        task.moveTo(TaskStatus.QUEUED);
        task.setTries(0);
        task.setError(null);
        task.setResult(null);
        task.setEndTime(null);
        task.setNextTime(null);
        task.setQueuedTime(now);
        task.setAgedTime(null);
        task.setEffectivePriority(task.getPriority());
        task.setChildrenTotal(0);
        task.setChildrenCompleted(0);
        task.setSplitSpec(null);
        task.setBatchExecutionId(null);
        dispatcher.dispatch(task, Duration.ZERO);
        return task;
    }

    /** Deletes a terminal task with its attempts and children. */
    public void delete(String taskId) {
        Task task = store.lock(taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        if (!task.getStatus().isTerminal()) {
            throw ProblemException.conflict("task " + taskId + " is " + task.getStatus()
                    + "; only SUCCEEDED, ERROR or CANCELLED tasks can be deleted (cancel it first)");
        }
        List<String> children = em.createQuery("SELECT t.id FROM Task t WHERE t.parentId = :p", String.class)
                .setParameter("p", taskId)
                .getResultList();
        for (String child : children) {
            deleteRows(child);
        }
        deleteRows(taskId);
    }

    /** Raises a long-queued task's effective priority by one aging step and re-dispatches it. */
    public boolean age(String taskId, int step, long now) {
        Task task = store.lock(taskId).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.QUEUED || task.getEffectivePriority() >= 100) {
            return false;
        }
        task.setEffectivePriority(Math.min(100, task.getEffectivePriority() + step));
        task.setAgedTime(now);
        dispatcher.dispatch(task, Duration.ZERO);
        return true;
    }

    /** Creates (idempotently) and dispatches children {@code [from, to)} of a WAITING task's split. */
    public int createChildren(String parentId, int from, int to) {
        Task parent = store.find(parentId).orElse(null);
        if (parent == null || parent.getStatus() != TaskStatus.WAITING || parent.getSplitSpec() == null) {
            return 0;
        }
        SplitSpec spec = SplitSpec.parse(parent.getSplitSpec());
        long now = System.currentTimeMillis();
        List<Task> children = new java.util.ArrayList<>();
        for (int i = from; i < Math.min(to, spec.children().size()); i++) {
            String childId = Ids.childId(parentId, spec.generation(), i);
            if (em.find(Task.class, childId) != null) {
                continue;
            }
            ChildSpec c = spec.children().get(i);
            Task child =
                    new Task(childId, c.handler(), c.priority() == null ? parent.getPriority() : c.priority(), now);
            child.setName(c.name() == null ? parent.getName() : c.name());
            child.setParams(JsonDocuments.print(c.params()));
            child.setMaxTries(parent.getMaxTries());
            child.setTimeoutSeconds(parent.getTimeoutSeconds());
            child.setSubmittedBy(parent.getSubmittedBy());
            child.setParent(parentId, i);
            em.persist(child);
            children.add(child);
        }
        em.flush();
        dispatcher.dispatchNew(children);
        return children.size();
    }

    /** Records the batch job execution that runs a split. */
    public void recordSplitExecution(String parentId, long executionId) {
        store.lock(parentId).ifPresent(t -> t.setBatchExecutionId(executionId));
    }

    /** The merge's input if the task is COMPLETE (all children terminal), else null. */
    public Claim mergeClaim(String parentId) {
        Task task = store.find(parentId).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.COMPLETE) {
            return null;
        }
        return new Claim(
                parentId,
                task.getName(),
                task.getHandler(),
                task.getParams(),
                store.lastAttemptNumber(parentId),
                task.getPriority(),
                task.getTimeoutSeconds(),
                task.getDispatchSeq());
    }

    /** Ends a merge: COMPLETE → SUCCEEDED or ERROR. Ignored unless the task is COMPLETE. */
    public TaskStatus finishMerge(String parentId, HandlerOutcome outcome) {
        Task task = store.lock(parentId).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.COMPLETE) {
            return task == null ? null : task.getStatus();
        }
        long now = System.currentTimeMillis();
        if (outcome instanceof HandlerOutcome.Success success) {
            task.setResult(JsonDocuments.print(success.result()));
            task.setError(null);
            terminate(task, TaskStatus.SUCCEEDED, now);
        } else if (outcome instanceof HandlerOutcome.Failure failure) {
            task.setError("merge failed: " + failure.error());
            terminate(task, TaskStatus.ERROR, now);
        } else {
            task.setError("a merge may not split again");
            terminate(task, TaskStatus.ERROR, now);
        }
        return task.getStatus();
    }

    public int childrenTotal(String parentId) {
        return store.find(parentId).map(Task::getChildrenTotal).orElse(0);
    }

    /** The children of a COMPLETE task as the merge phase sees them, by index. */
    public jakarta.json.JsonArray childOutcomes(String parentId, int total) {
        JsonArrayBuilder children = Json.createArrayBuilder();
        int pageSize = 1000;
        for (int from = 0; from < total; from += pageSize) {
            for (Task child : store.children(parentId, from, Math.min(total, from + pageSize))) {
                JsonObjectBuilder c = Json.createObjectBuilder()
                        .add("index", child.getChildIndex())
                        .add("id", child.getId())
                        .add("status", child.getStatus().name());
                c.add(
                        "result",
                        child.getResult() == null
                                ? jakarta.json.JsonValue.NULL
                                : JsonDocuments.parseStored(child.getResult()));
                if (child.getError() == null) {
                    c.addNull("error");
                } else {
                    c.add("error", child.getError());
                }
                children.add(c);
                em.detach(child);
            }
        }
        return children.build();
    }

    private void fail(Task task, String error, long now) {
        fail(task, error, now, null);
    }

    /** {@link #fail(Task, String, long)}; {@code history}: the task's attempts when known, else null. */
    private void fail(Task task, String error, long now, List<TaskAttempt> history) {
        task.setError(error);
        if (task.getTries() < task.getMaxTries()) {
            Duration delay = new Backoff(config.retryBaseDelay(), config.retryMaxDelay(), ThreadLocalRandom.current())
                    .delayAfter(task.getTries());
            task.moveTo(TaskStatus.QUEUED);
            task.setNextTime(now + delay.toMillis());
            task.setQueuedTime(now);
            task.setAgedTime(null);
            dispatcher.dispatch(task, delay);
        } else {
            terminate(task, TaskStatus.ERROR, now, history);
        }
    }

    private void startWaiting(Task task, List<ChildSpec> children) {
        task.moveTo(TaskStatus.WAITING);
        task.setChildrenTotal(children.size());
        task.setChildrenCompleted(0);
        task.setBatchExecutionId(null);
        task.setSplitSpec(SplitSpec.print(task.getDispatchSeq(), children));
        splits.fire(new TaskSplit(task.getId(), children.size()));
    }

    private void terminate(Task task, TaskStatus status, long now) {
        terminate(task, status, now, null);
    }

    /** Ends the task in {@code status}; {@code history}: its attempts when the caller holds all of them, else null. */
    private void terminate(Task task, TaskStatus status, long now, List<TaskAttempt> history) {
        task.moveTo(status);
        task.setEndTime(now);
        task.setNextTime(null);
        replies.sendIfRequested(task);
        if (task.getParentId() != null) {
            childTerminated(task.getParentId());
        }
        finished.fire(new TaskFinished(task.getId(), status, task.getOrigin(), history));
    }

    private void childTerminated(String parentId) {
        if (childEnds != null) {
            childEnds.merge(parentId, 1, Integer::sum);
        } else {
            countChildEnds(parentId, 1);
        }
    }

    private void countChildEnds(String parentId, int ended) {
        store.lock(parentId).ifPresent(parent -> {
            if (parent.getStatus() == TaskStatus.WAITING) {
                parent.setChildrenCompleted(parent.getChildrenCompleted() + ended);
                if (parent.getChildrenCompleted() >= parent.getChildrenTotal()) {
                    parent.moveTo(TaskStatus.COMPLETE);
                }
            }
        });
    }

    private void endOpenAttempt(Task task, String reason, long now) {
        store.latestAttempt(task.getId())
                .filter(a -> a.getOutcome() == null)
                .ifPresent(a -> a.end(AttemptOutcome.CANCELLED, reason, now));
    }

    private static void end(TaskAttempt attempt, AttemptOutcome outcome, String error, long now) {
        if (attempt != null) {
            attempt.end(outcome, error, now);
        }
    }

    private void deleteRows(String taskId) {
        em.createQuery("DELETE FROM TaskAttempt a WHERE a.taskId = :id")
                .setParameter("id", taskId)
                .executeUpdate();
        em.createQuery("DELETE FROM Task t WHERE t.id = :id")
                .setParameter("id", taskId)
                .executeUpdate();
    }
}

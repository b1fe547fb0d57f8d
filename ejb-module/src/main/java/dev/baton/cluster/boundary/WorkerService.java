package dev.baton.cluster.boundary;

import dev.baton.cluster.control.CommandJson;
import dev.baton.cluster.control.Commands;
import dev.baton.cluster.control.MemberJson;
import dev.baton.cluster.control.MemberStatistics;
import dev.baton.cluster.control.Members;
import dev.baton.cluster.control.RemoteHandlers;
import dev.baton.cluster.control.WorkerLeft;
import dev.baton.cluster.control.WorkerRegistration;
import dev.baton.cluster.control.WorkerReport;
import dev.baton.cluster.entity.CommandRecipient;
import dev.baton.cluster.entity.MemberState;
import dev.baton.cluster.entity.Worker;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.AttemptOutcome;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The remote worker protocol and registry (docs/workers.md): register, heartbeat, report, deregister,
 * drain and resume. Polling is {@link WorkerPoll}. Each method is one transaction.
 */
@Stateless
public class WorkerService {

    /** A heartbeat newer than this is not written again (polls and reports heartbeat too). */
    static final long TOUCH_MILLIS = 1000;

    @Inject
    Members members;

    @Inject
    RemoteHandlers remote;

    @Inject
    MemberStatistics statistics;

    @Inject
    TaskStore tasks;

    @Inject
    BatonConfig config;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    Commands commands;

    @Inject
    Event<WorkerLeft> left;

    public JsonObject register(WorkerRegistration registration, String user) {
        long now = System.currentTimeMillis();
        Worker worker =
                new Worker(Ids.newId(), registration.name(), registration.host(), registration.threads(), user, now);
        worker.serve(registration.handlers());
        members.add(worker);
        remote.added(registration.handlers());
        return view(worker, 0, now).build();
    }

    public JsonObject worker(String id) {
        Worker worker = members.worker(id).orElseThrow(() -> ProblemException.notFound("worker", id));
        return view(worker, tasks.runningByWorker().getOrDefault(id, 0L), System.currentTimeMillis())
                .build();
    }

    public JsonObject workers() {
        Map<String, Long> running = tasks.runningByWorker();
        long now = System.currentTimeMillis();
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Worker worker : members.workers()) {
            items.add(view(worker, running.getOrDefault(worker.getId(), 0L), now));
        }
        return Json.createObjectBuilder().add("workers", items).build();
    }

    /**
     * The worker was heard from (poll, report, heartbeat): refreshes its heartbeat (at most once a
     * second), revives a DEAD worker, adds handler names it now serves; 409 when it left.
     */
    public Worker touch(String id, Collection<String> handlers) {
        long now = System.currentTimeMillis();
        Worker worker = members.worker(id).orElseThrow(() -> ProblemException.notFound("worker", id));
        boolean stale = now - worker.getHeartbeatTime() >= TOUCH_MILLIS
                || worker.getState() == MemberState.DEAD
                || !worker.getHandlers().containsAll(handlers);
        if (worker.getState() == MemberState.LEFT) {
            throw ProblemException.conflict(worker.describe() + " deregistered; register again");
        }
        if (stale) {
            worker = members.lockWorker(id);
            worker.heardFrom(now);
            if (worker.serve(handlers)) {
                remote.added(handlers);
            }
        }
        return worker;
    }

    /** A heartbeat: the worker's status, the tasks it runs but no longer owns, and commands for it. */
    public JsonObject heartbeat(String id, List<String> running) {
        Worker worker = touch(id, Set.of());
        List<String> cancel = new ArrayList<>(running);
        cancel.removeAll(members.ownedBy(id, running));
        long inFlight = tasks.runningByWorker().getOrDefault(id, 0L);
        return Json.createObjectBuilder()
                .add("status", worker.getState().status((int) inFlight))
                .add("state", worker.getState().name())
                .add("cancel", Json.createArrayBuilder(cancel))
                .add("commands", commandsFor(id))
                .build();
    }

    /** Commands waiting for the worker, marked delivered: each is handed over once. */
    private JsonArrayBuilder commandsFor(String id) {
        JsonArrayBuilder pending = Json.createArrayBuilder();
        for (CommandRecipient recipient : commands.pendingFor("worker:" + id, 100)) {
            recipient.delivered();
            commands.find(recipient.getCommandId()).ifPresent(c -> pending.add(CommandJson.forWorker(c)));
        }
        return pending;
    }

    /** A report about a task the worker runs; 409 {@code lease-lost} when it no longer owns it. */
    public JsonObject report(String id, String taskId, WorkerReport.Kind kind, String body) {
        WorkerReport report = WorkerReport.parse(kind, body);
        touch(id, Set.of());
        TaskStatus status = report.outcome() == null
                ? lifecycle.progress(taskId, id, report.lease(), report.percent(), report.message())
                : lifecycle.finishOwned(taskId, id, report.lease(), report.outcome());
        return Json.createObjectBuilder()
                .add("taskId", taskId)
                .add("status", status.name())
                .build();
    }

    /** Graceful shutdown of a worker: LEFT; what it still runs is re-queued at once. Idempotent. */
    public void deregister(String id) {
        Worker worker = members.lockWorker(id);
        if (worker.getState() == MemberState.LEFT) {
            return;
        }
        worker.moveTo(MemberState.LEFT, System.currentTimeMillis());
        reviveAll(id, "worker " + worker.getName() + " deregistered while the attempt ran");
        members.flush();
        left.fire(new WorkerLeft(id, remote.orphaned(worker.getHandlers())));
    }

    /** Stops giving the worker new work; in-flight tasks may finish within {@code timeout}. */
    public JsonObject drain(String id, Duration timeout) {
        Worker worker = members.lockWorker(id);
        long now = System.currentTimeMillis();
        if (!worker.requestDrain(now + timeout.toMillis(), now)) {
            throw ProblemException.conflict(
                    worker.describe() + " is " + worker.getState() + "; only a live worker can be drained");
        }
        return view(worker, tasks.runningByWorker().getOrDefault(id, 0L), now).build();
    }

    public JsonObject resume(String id) {
        Worker worker = members.lockWorker(id);
        long now = System.currentTimeMillis();
        if (!worker.requestResume(now)) {
            throw ProblemException.conflict(
                    worker.describe() + " is " + worker.getState() + "; only a drained worker can be resumed");
        }
        return view(worker, tasks.runningByWorker().getOrDefault(id, 0L), now).build();
    }

    /** Marks a worker whose lease expired DEAD (unless it was heard from meanwhile). */
    public boolean expire(String id, long staleBefore) {
        Worker worker = members.lockWorker(id);
        if (!worker.getState().isAlive() || worker.getHeartbeatTime() >= staleBefore) {
            return false;
        }
        worker.moveTo(MemberState.DEAD, System.currentTimeMillis());
        return true;
    }

    /** Ends a drain whose tasks are done (→ STOPPED) or whose deadline passed (re-queue, → STOPPED). */
    public boolean settleDrain(String id, long now) {
        Worker worker = members.lockWorker(id);
        if (worker.getState() != MemberState.DRAINING) {
            return false;
        }
        boolean overdue = worker.getDrainDeadline() != null && worker.getDrainDeadline() <= now;
        if (overdue) {
            reviveAll(id, "worker " + worker.getName() + " drained and its drain timeout passed");
        } else if (!tasks.idsRunningOnWorker(id).isEmpty()) {
            return false;
        }
        worker.moveTo(MemberState.STOPPED, now);
        return true;
    }

    private void reviveAll(String id, String reason) {
        for (String taskId : tasks.idsRunningOnWorker(id)) {
            lifecycle.revive(taskId, id, null, AttemptOutcome.INTERRUPTED, reason);
        }
    }

    private JsonObjectBuilder view(Worker worker, long running, long now) {
        return MemberJson.worker(
                worker,
                running,
                statistics.ofWorker(worker.getId(), worker.getThreads(), worker.getRegisteredTime(), now),
                config.workerHeartbeat(),
                config.workerLease());
    }
}

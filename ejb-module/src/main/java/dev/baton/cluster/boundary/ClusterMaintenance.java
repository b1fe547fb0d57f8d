package dev.baton.cluster.boundary;

import dev.baton.cluster.control.Members;
import dev.baton.cluster.control.NodeState;
import dev.baton.cluster.control.RemoteHandlers;
import dev.baton.cluster.entity.MemberState;
import dev.baton.handlers.control.RunningTasks;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.AttemptOutcome;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One round of cluster upkeep, run by every node on each tick: heartbeat this node, mark members whose
 * lease expired DEAD, re-queue the tasks they were running (a failed try each), time out overdue remote
 * attempts, settle drains. Idempotent and safe to run on several nodes at once: every change re-checks
 * under a row lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterMaintenance {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ClusterMaintenance.class.getName());

    @EJB
    NodeService nodes;

    @EJB
    WorkerService workers;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    Members members;

    @Inject
    TaskStore tasks;

    @Inject
    RemoteHandlers remoteHandlers;

    @Inject
    RunningTasks running;

    @Inject
    NodeState self;

    @Inject
    BatonConfig config;

    public void tick() {
        long now = System.currentTimeMillis();
        String node = config.nodeName();
        self.set(nodes.heartbeat(node));
        expireWorkers(now);
        expireNodes(node, now);
        reviveFromGoneMembers(node);
        timeOutRemoteAttempts(now);
        settleDrains(node, now);
        remoteHandlers.refresh();
    }

    private void expireWorkers(long now) {
        long staleBefore = now - config.workerLease().toMillis();
        for (String id : members.staleWorkers(staleBefore)) {
            if (workers.expire(id, staleBefore)) {
                LOG.warning(() -> "worker " + id + " missed its lease; its tasks are re-queued");
            }
        }
    }

    private void expireNodes(String self, long now) {
        long staleBefore = now - config.nodeLease().toMillis();
        for (String name : members.staleNodes(self, staleBefore)) {
            if (nodes.expire(name, staleBefore)) {
                LOG.warning(() -> "node " + name + " missed its lease; its tasks are re-queued");
            }
        }
    }

    private void reviveFromGoneMembers(String self) {
        members.tasksOfGoneWorkers(BATCH)
                .forEach((taskId, worker) -> lifecycle.revive(
                        taskId,
                        worker,
                        null,
                        AttemptOutcome.INTERRUPTED,
                        "interrupted: worker " + worker + " stopped heartbeating while the attempt ran"));
        members.tasksOfGoneNodes(self, BATCH)
                .forEach((taskId, node) -> lifecycle.revive(
                        taskId,
                        null,
                        node,
                        AttemptOutcome.INTERRUPTED,
                        "interrupted: node " + node + " stopped heartbeating while the attempt ran"));
    }

    private void timeOutRemoteAttempts(long now) {
        Map<String, String> overdue =
                members.overdueRemoteTasks(now, config.workerLease().toMillis(), BATCH);
        overdue.forEach((taskId, worker) -> lifecycle.revive(
                taskId,
                worker,
                null,
                AttemptOutcome.TIMED_OUT,
                "timed out: worker " + worker + " did not report within the task's timeout"));
    }

    private void settleDrains(String node, long now) {
        for (String id : members.drainingWorkers()) {
            workers.settleDrain(id, now);
        }
        if (self.state() != MemberState.DRAINING) {
            return;
        }
        List<String> mine = tasks.idsWithStatusOnNode(TaskStatus.RUNNING, node);
        Long deadline = nodes.drainDeadline(node);
        if (!mine.isEmpty() && deadline != null && deadline <= now) {
            for (String taskId : mine) {
                lifecycle.revive(
                        taskId,
                        null,
                        node,
                        AttemptOutcome.INTERRUPTED,
                        "node " + node + " drained; drain timeout passed");
                running.stop(taskId);
            }
            mine = List.of();
        }
        if (mine.isEmpty() && running.count() == 0) {
            nodes.move(node, MemberState.STOPPED);
        }
    }
}

package dev.baton.cluster.boundary;

import dev.baton.cluster.control.MemberStatistics;
import dev.baton.cluster.control.Members;
import dev.baton.cluster.control.StatisticsTable;
import dev.baton.cluster.entity.Node;
import dev.baton.cluster.entity.Worker;
import dev.baton.tasks.control.TaskStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every node and worker with its statistics, as {@link StatisticsTable} text. */
@Stateless
public class StatisticsReport {

    @Inject
    Members members;

    @Inject
    MemberStatistics statistics;

    @Inject
    TaskStore tasks;

    public String table() {
        long now = System.currentTimeMillis();
        List<StatisticsTable.Row> rows = new ArrayList<>();
        Map<String, Long> onNodes = tasks.runningByNode();
        for (Node node : members.nodes()) {
            long running = onNodes.getOrDefault(node.getName(), 0L);
            rows.add(new StatisticsTable.Row(
                    "node",
                    node.getName(),
                    node.getState().status((int) running),
                    node.getThreads(),
                    running,
                    statistics.ofNode(node.getName(), node.getThreads(), node.getStartedTime(), now),
                    now - node.getHeartbeatTime()));
        }
        Map<String, Long> onWorkers = tasks.runningByWorker();
        for (Worker worker : members.workers()) {
            long running = onWorkers.getOrDefault(worker.getId(), 0L);
            rows.add(new StatisticsTable.Row(
                    "worker",
                    worker.getName() + " (" + worker.getId() + ")",
                    worker.getState().status((int) running),
                    worker.getThreads(),
                    running,
                    statistics.ofWorker(worker.getId(), worker.getThreads(), worker.getRegisteredTime(), now),
                    now - worker.getHeartbeatTime()));
        }
        return StatisticsTable.render(rows);
    }
}

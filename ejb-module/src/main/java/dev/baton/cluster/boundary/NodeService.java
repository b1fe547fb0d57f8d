package dev.baton.cluster.boundary;

import dev.baton.cluster.control.MemberJson;
import dev.baton.cluster.control.MemberStatistics;
import dev.baton.cluster.control.Members;
import dev.baton.cluster.control.NodeState;
import dev.baton.cluster.entity.MemberState;
import dev.baton.cluster.entity.Node;
import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.control.TaskStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Baton server nodes: their registry rows, heartbeats, draining and resuming. One transaction each. */
@Stateless
public class NodeService {

    @Inject
    Members members;

    @Inject
    MemberStatistics statistics;

    @Inject
    TaskStore tasks;

    @Inject
    NodeState self;

    @Inject
    BatonConfig config;

    @Inject
    HandlerRegistry handlers;

    public JsonObject nodes() {
        Map<String, Long> running = tasks.runningByNode();
        long now = System.currentTimeMillis();
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Node node : members.nodes()) {
            items.add(view(node, running.getOrDefault(node.getName(), 0L), now));
        }
        return Json.createObjectBuilder().add("nodes", items).build();
    }

    public JsonObject node(String name) {
        Node node = members.node(name).orElseThrow(() -> ProblemException.notFound("node", name));
        return view(node, tasks.runningByNode().getOrDefault(name, 0L), System.currentTimeMillis())
                .build();
    }

    /** The names of the nodes registered besides {@code name}, whatever their state. */
    public List<String> otherNodes(String name) {
        return members.nodes().stream()
                .map(Node::getName)
                .filter(n -> !n.equals(name))
                .toList();
    }

    /** This node starts: a new incarnation of its row, ACTIVE. */
    public void join(String name, String host, int threads) {
        long now = System.currentTimeMillis();
        Node node = members.lockNode(name).orElse(null);
        if (node == null) {
            members.add(new Node(name, host, threads, now));
        } else {
            node.started(host, threads, now);
        }
    }

    /** This node's heartbeat; returns the state its row holds (a drain may have been asked elsewhere). */
    public MemberState heartbeat(String name) {
        long now = System.currentTimeMillis();
        Node node = members.lockNode(name).orElse(null);
        if (node == null) {
            join(name, null, config.dispatchThreads());
            return MemberState.ACTIVE;
        }
        node.heardFrom(now);
        return node.getState();
    }

    public JsonObject drain(String name, Duration timeout) {
        Node node = members.lockNode(name).orElseThrow(() -> ProblemException.notFound("node", name));
        long now = System.currentTimeMillis();
        if (!node.requestDrain(now + timeout.toMillis(), now)) {
            throw ProblemException.conflict(
                    node.describe() + " is " + node.getState() + "; only a live node can be drained");
        }
        applyIfSelf(node);
        return view(node, tasks.runningByNode().getOrDefault(name, 0L), now).build();
    }

    public JsonObject resume(String name) {
        Node node = members.lockNode(name).orElseThrow(() -> ProblemException.notFound("node", name));
        long now = System.currentTimeMillis();
        if (!node.requestResume(now)) {
            throw ProblemException.conflict(
                    node.describe() + " is " + node.getState() + "; only a drained node can be resumed");
        }
        applyIfSelf(node);
        return view(node, tasks.runningByNode().getOrDefault(name, 0L), now).build();
    }

    /** Moves a node to {@code target} if the table allows it from where it is; false otherwise. */
    public boolean move(String name, MemberState target) {
        Node node = members.lockNode(name).orElse(null);
        if (node == null || !node.getState().canMoveTo(target)) {
            return false;
        }
        node.moveTo(target, System.currentTimeMillis());
        applyIfSelf(node);
        return true;
    }

    /** Marks another node whose heartbeat is older than {@code staleBefore} DEAD. */
    public boolean expire(String name, long staleBefore) {
        Node node = members.lockNode(name).orElse(null);
        if (node == null || !node.getState().isAlive() || node.getHeartbeatTime() >= staleBefore) {
            return false;
        }
        node.moveTo(MemberState.DEAD, System.currentTimeMillis());
        return true;
    }

    public Long drainDeadline(String name) {
        return members.node(name).map(Node::getDrainDeadline).orElse(null);
    }

    private void applyIfSelf(Node node) {
        if (node.getName().equals(config.nodeName())) {
            self.set(node.getState());
        }
    }

    private JsonObjectBuilder view(Node node, long running, long now) {
        return MemberJson.node(
                node,
                node.getName().equals(config.nodeName()),
                handlers.localNames(),
                running,
                statistics.ofNode(node.getName(), node.getThreads(), node.getStartedTime(), now));
    }
}

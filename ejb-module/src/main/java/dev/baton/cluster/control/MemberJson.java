package dev.baton.cluster.control;

import dev.baton.cluster.entity.ClusterMember;
import dev.baton.cluster.entity.Node;
import dev.baton.cluster.entity.Worker;
import dev.baton.infrastructure.json.JsonMembers;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/** The JSON views of workers and nodes. */
public final class MemberJson {

    private MemberJson() {}

    public static JsonObjectBuilder worker(
            Worker worker, long running, Statistics stats, Duration heartbeat, Duration lease) {
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("id", worker.getId()).add("name", worker.getName());
        JsonMembers.text(json, "host", worker.getHost());
        json.add("handlers", Json.createArrayBuilder(worker.getHandlers()));
        JsonMembers.text(json, "registeredBy", worker.getRegisteredBy());
        JsonMembers.time(json, "registeredTime", worker.getRegisteredTime());
        common(json, worker, running, stats);
        return json.add("heartbeatSeconds", heartbeat.toSeconds()).add("leaseSeconds", lease.toSeconds());
    }

    public static JsonObjectBuilder node(
            Node node, boolean self, java.util.List<String> handlers, long running, Statistics stats) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", node.getName());
        JsonMembers.text(json, "host", node.getHost());
        json.add("handlers", Json.createArrayBuilder(handlers));
        json.add("self", self);
        JsonMembers.time(json, "startedTime", node.getStartedTime());
        return common(json, node, running, stats);
    }

    public static JsonObjectBuilder statistics(Statistics stats) {
        return Json.createObjectBuilder()
                .add("processed", stats.processed())
                .add("failed", stats.failed())
                .add("averageMs", stats.averageMs())
                .add("p95Ms", stats.p95Ms())
                .add("busyRatio", Math.round(stats.busyRatio() * 1000) / 1000.0)
                .add("windowSeconds", MemberStatistics.WINDOW.toSeconds());
    }

    private static JsonObjectBuilder common(
            JsonObjectBuilder json, ClusterMember member, long running, Statistics stats) {
        json.add("threads", member.getThreads())
                .add("status", member.getState().status((int) running))
                .add("state", member.getState().name())
                .add("running", running);
        JsonMembers.time(json, "lastHeartbeat", member.getHeartbeatTime());
        JsonMembers.time(json, "stateTime", member.getStateTime());
        JsonMembers.time(json, "drainDeadline", member.getDrainDeadline());
        return json.add("statistics", statistics(stats));
    }
}

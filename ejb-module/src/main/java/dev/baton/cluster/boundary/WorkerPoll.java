package dev.baton.cluster.boundary;

import dev.baton.cluster.entity.Worker;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.tasks.control.Claim;
import dev.baton.tasks.control.DispatchNotVisibleYet;
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
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A worker's long poll: slices of at most {@link #SLICE_MILLIS} (each its own transaction, so no
 * transaction or pooled JMS session is held for the whole wait) until a task arrives or the wait is
 * over, refreshing the worker's heartbeat meanwhile. A draining worker gets nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkerPoll {

    static final long SLICE_MILLIS = 2000;
    private static final Logger LOG = Logger.getLogger(WorkerPoll.class.getName());

    @EJB
    WorkerService workers;

    @EJB
    WorkerPolling polling;

    @Inject
    BatonConfig config;

    /** {@code handlers} empty: the worker's registered handlers. */
    public JsonObject poll(String workerId, Set<String> handlers, int max, long waitMillis) {
        Worker worker = workers.touch(workerId, handlers);
        Set<String> served = handlers.isEmpty() ? worker.getHandlers() : handlers;
        long deadline = System.currentTimeMillis() + waitMillis;
        List<Claim> claims = List.of();
        while (worker.getState().takesWork()) {
            long left = deadline - System.currentTimeMillis();
            try {
                claims = polling.slice(
                        workerId, config.nodeName(), served, max, Math.max(0, Math.min(SLICE_MILLIS, left)));
            } catch (DispatchNotVisibleYet | EJBException e) {
                // the slice rolled back: its messages return to the queue and are polled again
                LOG.fine(() -> "poll slice of worker " + workerId + " rolled back: " + e);
            }
            if (!claims.isEmpty() || System.currentTimeMillis() >= deadline) {
                break;
            }
            worker = workers.touch(workerId, Set.of());
        }
        JsonArrayBuilder tasks = Json.createArrayBuilder();
        for (Claim claim : claims) {
            JsonObjectBuilder task = Json.createObjectBuilder().add("id", claim.taskId());
            JsonMembers.text(task, "name", claim.name());
            tasks.add(task.add("handler", claim.handler())
                    .add("params", JsonDocuments.parseStored(claim.params()))
                    .add("try", claim.tryNumber())
                    .add("priority", claim.priority())
                    .add("timeoutSeconds", claim.timeoutSeconds())
                    .add("lease", Integer.toString(claim.dispatchSeq())));
        }
        return Json.createObjectBuilder()
                .add("status", worker.getState().status(claims.size()))
                .add("tasks", tasks)
                .build();
    }
}

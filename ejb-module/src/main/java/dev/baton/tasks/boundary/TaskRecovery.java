package dev.baton.tasks.boundary;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start-up, ends the attempts this node was running when it stopped (a crash or kill): each counts
 * as a failed try and the task is re-queued with backoff, or goes to ERROR when out of tries. Their
 * old dispatch messages are stale by then and are dropped.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class TaskRecovery {

    private static final Logger LOG = Logger.getLogger(TaskRecovery.class.getName());

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    TaskStore store;

    @Inject
    BatonConfig config;

    private int recovered;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        String node = config.nodeName();
        List<String> running = store.idsWithStatusOnNode(TaskStatus.RUNNING, node);
        for (String id : running) {
            lifecycle.interrupt(id, "interrupted: node " + node + " stopped while the attempt ran");
        }
        recovered = running.size();
        if (recovered > 0) {
            LOG.info(() -> "Re-queued " + recovered + " task(s) interrupted by the last stop of node " + node);
        }
    }

    public int recovered() {
        return recovered;
    }
}

package dev.baton.cluster.boundary;

import dev.baton.cluster.control.NodeState;
import dev.baton.cluster.control.TransactionNodeIdentifier;
import dev.baton.cluster.entity.MemberState;
import dev.baton.cluster.entity.Node;
import dev.baton.handlers.control.RunningTasks;
import dev.baton.infrastructure.config.BatonConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node in the cluster: joins at start-up, ticks {@link ClusterMaintenance} every {@code
 * baton.cluster.tickMillis}, and on shutdown drains first: no new attempts start, running ones get up
 * to {@code baton.shutdown.drainSeconds} to finish, then the node leaves (what still runs is recovered
 * at the next start, or by another node once this one's lease expires).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeMembership {

    private static final Logger LOG = Logger.getLogger(NodeMembership.class.getName());

    @Resource
    TimerService timers;

    @EJB
    NodeService nodes;

    @EJB
    ClusterMaintenance maintenance;

    @Inject
    NodeState state;

    @Inject
    RunningTasks running;

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    @Inject
    BatonConfig config;

    @PostConstruct
    void join() {
        nodes.join(config.nodeName(), hostName(), config.dispatchThreads());
        TransactionNodeIdentifier.warning(
                        System.getProperty(TransactionNodeIdentifier.PROPERTY),
                        config.nodeName(),
                        nodes.otherNodes(config.nodeName()))
                .ifPresent(LOG::warning);
        state.set(MemberState.ACTIVE);
        long tick = config.clusterTick().toMillis();
        timers.createIntervalTimer(tick, tick, new TimerConfig(null, false));
    }

    @Timeout
    void tick() {
        try {
            maintenance.tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster upkeep failed; retried on the next tick", e);
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void leave() {
        state.set(MemberState.DRAINING);
        long deadline = System.currentTimeMillis() + config.shutdownDrain().toMillis();
        while (running.count() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = running.count();
        if (left > 0) {
            LOG.warning(() -> left + " task attempt(s) still running at shutdown; they are recovered later");
        }
        // the other beans may be stopped already: record the leave with this bean's own persistence context
        Node node = em.find(Node.class, config.nodeName(), LockModeType.PESSIMISTIC_WRITE);
        if (node != null && node.getState().canMoveTo(MemberState.LEFT)) {
            node.moveTo(MemberState.LEFT, System.currentTimeMillis());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

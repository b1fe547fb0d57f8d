package dev.baton.tasks.boundary;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Aging, so low priority never starves: every few seconds, tasks queued longer than
 * {@code baton.aging.intervalMillis} gain {@code baton.aging.step} effective priority and are
 * re-dispatched at the higher JMS priority (their older dispatch message becomes stale).
 */
@Singleton
public class TaskAging {

    static final int BATCH = 500;

    @EJB
    TaskLifecycle lifecycle;

    @Inject
    TaskStore store;

    @Inject
    BatonConfig config;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void ageQueuedTasks() {
        ageOnce(System.currentTimeMillis());
    }

    /** One aging round; returns how many tasks were raised. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int ageOnce(long now) {
        List<String> candidates =
                store.agingCandidates(now - config.agingInterval().toMillis(), BATCH);
        int aged = 0;
        for (String id : candidates) {
            if (lifecycle.age(id, config.agingStep(), now)) {
                aged++;
            }
        }
        return aged;
    }
}

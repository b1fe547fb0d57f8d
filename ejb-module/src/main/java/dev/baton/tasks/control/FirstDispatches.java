package dev.baton.tasks.control;

import dev.baton.tasks.entity.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the first dispatch of tasks submitted with {@link TaskLifecycle#submitWithoutDispatch} once
 * their transaction has committed. A send that fails (the broker is unavailable) is not the
 * submitter's error: the task is stored, so its id is kept here and {@code TaskRecovery} dispatches it
 * again shortly. A node that dies between the commit and the send dispatches its tasks still on their
 * first dispatch again when it starts ({@link TaskStore#awaitingFirstDispatchFrom}).
 */
@ApplicationScoped
public class FirstDispatches {

    private static final Logger LOG = Logger.getLogger(FirstDispatches.class.getName());

    @Inject
    Dispatcher dispatcher;

    private final Set<String> unsent = ConcurrentHashMap.newKeySet();

    /** Sends the first dispatch of each task, outside any transaction; never throws. */
    public void send(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        try {
            dispatcher.dispatchAfterCommit(tasks);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the first dispatch of " + tasks.size()
                            + " stored task(s) could not be sent; they are dispatched again within seconds",
                    e);
            tasks.forEach(t -> unsent.add(t.getId()));
        }
    }

    /** The tasks whose first dispatch failed and was not sent again yet, in no particular order. */
    public List<String> unsent() {
        return List.copyOf(unsent);
    }

    /** Forgets tasks whose first dispatch was sent again (or that need none any more). */
    public void resent(List<String> taskIds) {
        taskIds.forEach(unsent::remove);
    }
}

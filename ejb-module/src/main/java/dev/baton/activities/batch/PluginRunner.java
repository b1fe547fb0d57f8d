package dev.baton.activities.batch;

import dev.baton.activities.control.PluginChanged;
import dev.baton.tasks.boundary.TaskWaiter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs one plugin of a run as a Baton task and waits (on a batch thread, outside any transaction) until
 * the plugin ended or the step is stopped. A plugin that already ended is not run again. It looks at the
 * plugin ({@link ActivityRunSteps#finish}) when its task ended, when a report or cancel of it committed
 * on this node ({@link PluginChanged}), and at least every {@link #CHECK_MILLIS} (reports and cancels on
 * other nodes, a {@code report} plugin's timeout).
 */
@ApplicationScoped
public class PluginRunner {

    static final long POLL_MILLIS = 250;
    static final long CHECK_MILLIS = 1000;

    /** The waiting batch thread of each plugin on this node ({@code runId/plugin}), woken by a change. */
    private final Map<String, CompletableFuture<Void>> wakeups = new ConcurrentHashMap<>();

    @EJB
    ActivityRunSteps steps;

    @Inject
    TaskWaiter waiter;

    /** The plugin's outcome; still InProgress when {@code stopped} became true first. */
    public PluginOutcome run(String runId, String plugin, BooleanSupplier stopped)
            throws InterruptedException, ExecutionException {
        String taskId = steps.start(runId, plugin);
        if (taskId == null) {
            return steps.outcome(runId, plugin);
        }
        String key = runId + "/" + plugin;
        CompletableFuture<Boolean> taskEnded = waiter.whenFinished(taskId, Duration.ofDays(365));
        try {
            boolean taskEndSeen = false;
            long nextCheck = System.currentTimeMillis() + CHECK_MILLIS;
            while (!stopped.getAsBoolean()) {
                CompletableFuture<Void> changed = wakeups.computeIfAbsent(key, k -> new CompletableFuture<>());
                // Once the task's end was seen (a report plugin awaiting its report), only a change wakes us.
                CompletableFuture<?> wake = taskEndSeen ? changed : CompletableFuture.anyOf(taskEnded, changed);
                try {
                    wake.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // look at stopped, wait on
                }
                boolean news = changed.isDone() || (taskEnded.isDone() && !taskEndSeen);
                if (changed.isDone()) {
                    wakeups.remove(key, changed);
                }
                if (news || System.currentTimeMillis() >= nextCheck) {
                    taskEndSeen = taskEnded.isDone();
                    PluginOutcome outcome = steps.finish(runId, plugin);
                    if (outcome.status().isTerminal()) {
                        return outcome;
                    }
                    nextCheck = System.currentTimeMillis() + CHECK_MILLIS;
                }
            }
        } finally {
            taskEnded.complete(false); // releases the waiter's timers when we stop waiting
            wakeups.remove(key);
        }
        return steps.finish(runId, plugin);
    }

    /** After a report or cancel committed: the batch thread waiting for that plugin here looks at once. */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginChanged change) {
        CompletableFuture<Void> wakeup = wakeups.get(change.runId() + "/" + change.plugin());
        if (wakeup != null) {
            wakeup.complete(null);
        }
    }
}

package dev.baton.activities.batch;

import dev.baton.tasks.boundary.TaskWaiter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs one plugin of a run as a Baton task and waits (on a batch thread, outside any transaction) until
 * the task ended or the step is stopped. A plugin that already ended is not run again.
 */
@ApplicationScoped
public class PluginRunner {

    static final long POLL_MILLIS = 250;

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
        CompletableFuture<Boolean> finished = waiter.whenFinished(taskId, Duration.ofDays(365));
        try {
            while (!stopped.getAsBoolean()) {
                try {
                    finished.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // check stopped, wait on
                }
            }
        } finally {
            finished.complete(false); // releases the waiter's timers when we stop waiting
        }
        return steps.finish(runId, plugin);
    }
}

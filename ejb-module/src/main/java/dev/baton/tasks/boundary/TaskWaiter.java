package dev.baton.tasks.boundary;

import dev.baton.tasks.control.TaskFinished;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lets callers wait for a task to finish ({@code ?wait=}) without holding a thread: completes on the
 * local "finished" event right after the commit, and polls the database once a second for tasks that
 * finish on another node. The future completes with true when the task is terminal, false on timeout.
 */
@ApplicationScoped
public class TaskWaiter {

    private final Map<String, List<CompletableFuture<Boolean>>> waiting = new ConcurrentHashMap<>();

    @EJB
    TaskService tasks;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    public CompletableFuture<Boolean> whenFinished(String taskId, Duration max) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        waiting.computeIfAbsent(taskId, id -> new CopyOnWriteArrayList<>()).add(done);
        if (isTerminal(taskId)) { // it may have finished before we registered
            done.complete(true);
        }
        ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(
                () -> {
                    if (isTerminal(taskId)) {
                        done.complete(true);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        ScheduledFuture<?> timeout =
                scheduler.schedule(() -> done.complete(false), max.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((finished, error) -> {
            poll.cancel(false);
            timeout.cancel(false);
            List<CompletableFuture<Boolean>> list = waiting.get(taskId);
            if (list != null) {
                list.remove(done);
                waiting.computeIfPresent(taskId, (id, l) -> l.isEmpty() ? null : l);
            }
        });
        return done;
    }

    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskFinished event) {
        List<CompletableFuture<Boolean>> list = waiting.get(event.taskId());
        if (list != null) {
            // Not on this thread: it is still inside the committed transaction's completion, where the
            // waiters' follow-up reads cannot start a transaction of their own.
            executor.execute(() -> list.forEach(f -> f.complete(true)));
        }
    }

    private boolean isTerminal(String taskId) {
        return tasks.status(taskId).map(TaskStatus::isTerminal).orElse(true);
    }
}

package dev.baton.sdk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The worker's capacity: one slot per task thread, each either free or holding a {@link RunningTask}.
 * The poller {@link #take}s free slots before it asks for that many tasks and gives back what the poll
 * did not fill; a task's slot is freed when it {@link #finished}. So the worker never holds more tasks
 * than it has threads.
 */
final class TaskSlots {

    private final Semaphore free;
    private final Map<String, RunningTask> running = new ConcurrentHashMap<>();

    TaskSlots(int threads) {
        this.free = new Semaphore(threads);
    }

    /** Waits for a free slot, then takes it and every other free one, up to {@code most}; answers how many. */
    int take(int most) throws InterruptedException {
        free.acquire();
        int taken = 1 + free.drainPermits();
        if (taken > most) {
            free.release(taken - most);
            taken = most;
        }
        return taken;
    }

    /** Gives back {@code count} slots that hold no task. */
    void release(int count) {
        free.release(count);
    }

    /** A taken slot now holds {@code task}. */
    void hold(RunningTask task) {
        running.put(task.task().id(), task);
    }

    /** The task {@code taskId} is done (or never started): its slot is free again. */
    void finished(String taskId) {
        running.remove(taskId);
        free.release();
    }

    /** The running task {@code taskId}, or null. */
    RunningTask get(String taskId) {
        return running.get(taskId);
    }

    Set<String> ids() {
        return Set.copyOf(running.keySet());
    }

    int size() {
        return running.size();
    }

    /** The ids of the tasks that run under the registration {@code workerId} and were not taken away. */
    List<String> heldBy(String workerId) {
        return running.values().stream()
                .filter(task -> !task.lost() && workerId.equals(task.workerId()))
                .map(task -> task.task().id())
                .toList();
    }

    /** Takes every running task away (interrupting its thread): nothing will be reported for them. */
    void loseAll() {
        running.values().forEach(RunningTask::lose);
    }
}

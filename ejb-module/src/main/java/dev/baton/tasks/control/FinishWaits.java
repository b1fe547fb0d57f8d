package dev.baton.tasks.control;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bookkeeping behind {@code ?wait}, free of threads and transactions: who waits for which task, the
 * finished task's JSON taken inside its finishing transaction (so a waiter is answered without reading
 * the task again), and which tasks finished lately on this node (so a wait registered just after its
 * task finished here completes at once, without a database read to close that race).
 */
public final class FinishWaits {

    /** How a wait ended: whether the task finished and, when this node finished it, the task as JSON. */
    public record Outcome(boolean finished, JsonObject task) {

        public static final Outcome TIMED_OUT = new Outcome(false, null);
        public static final Outcome FINISHED = new Outcome(true, null);
    }

    private final Map<String, List<CompletableFuture<Outcome>>> waiting = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<Outcome>, Long> deadlines = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> snapshots = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> recent;

    /** @param recentCapacity how many of the latest finished task ids are remembered */
    public FinishWaits(int recentCapacity) {
        this.recent = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > recentCapacity;
            }
        }));
    }

    /** {@link #register(String, long)} without a deadline. */
    public CompletableFuture<Outcome> register(String taskId) {
        return register(taskId, Long.MAX_VALUE);
    }

    /**
     * A wait for {@code taskId}; completed by {@link #finished}, or at once if the task finished here
     * lately, or by {@link #expired} after {@code deadline} (epoch ms), or by {@link #polled};
     * the caller may complete it too. It is forgotten once complete.
     */
    public CompletableFuture<Outcome> register(String taskId, long deadline) {
        CompletableFuture<Outcome> wait = new CompletableFuture<>();
        deadlines.put(wait, deadline);
        waiting.compute(taskId, (id, list) -> {
            List<CompletableFuture<Outcome>> waits = list == null ? new ArrayList<>(1) : list;
            waits.add(wait);
            return waits;
        });
        // finished() notes the id before it takes the waits: either it sees this wait, or we see the id
        if (recent.contains(taskId)) {
            wait.complete(Outcome.FINISHED);
        }
        wait.whenComplete((outcome, error) -> forget(taskId, wait));
        return wait;
    }

    public boolean isWaitedFor(String taskId) {
        return waiting.containsKey(taskId);
    }

    /** Inside the finishing transaction: the finished task as its waiters will be answered. */
    public void snapshot(String taskId, JsonObject task) {
        snapshots.put(taskId, task);
    }

    /** The finishing transaction rolled back: its snapshot is void. */
    public void discard(String taskId) {
        snapshots.remove(taskId);
    }

    /** What completes some waits (a finished task's, or those timed out or found finished by a poll), and with which outcome. */
    public record Completion(List<CompletableFuture<Outcome>> waits, Outcome outcome) implements Runnable {

        @Override
        public void run() {
            waits.forEach(w -> w.complete(outcome));
        }

        /** Whether the waits get the finished task itself, so answering them needs no read. */
        public boolean carriesTask() {
            return outcome.task() != null;
        }
    }

    /**
     * After the finishing commit: notes the task as finished and returns what completes its waits (with
     * the snapshot, if one was taken), or null when nobody waits.
     */
    public Completion finished(String taskId) {
        recent.add(taskId);
        JsonObject task = snapshots.remove(taskId);
        List<CompletableFuture<Outcome>> waits = waiting.remove(taskId);
        if (waits == null) {
            return null;
        }
        return new Completion(waits, task == null ? Outcome.FINISHED : new Outcome(true, task));
    }

    /** What ends, as timed out, every wait whose deadline is not after {@code now}; null when none. */
    public Completion expired(long now) {
        List<CompletableFuture<Outcome>> due = new ArrayList<>();
        deadlines.forEach((wait, deadline) -> {
            if (deadline <= now) {
                due.add(wait);
            }
        });
        return due.isEmpty() ? null : new Completion(due, Outcome.TIMED_OUT);
    }

    /** Whether no wait is pending (every registered one has completed). */
    public boolean isEmpty() {
        return deadlines.isEmpty();
    }

    /** The ids of the tasks waited for now. */
    public Set<String> waitedIds() {
        return Set.copyOf(waiting.keySet());
    }

    /**
     * What a poll of the database found for the waited tasks ({@code terminal}: each task that exists,
     * and whether it is terminal) ends: the waits of terminal tasks (finished on another node, so without
     * a snapshot), and of tasks that are gone after an earlier poll saw them (deleted once finished). A
     * task not found that no poll has seen yet is not gone: a {@code ?wait} submission waits for its task
     * before the task's row is committed. Null when it ends nothing.
     */
    public Completion polled(Map<String, Boolean> terminal) {
        List<CompletableFuture<Outcome>> done = new ArrayList<>();
        for (String id : waiting.keySet()) {
            Boolean ended = terminal.get(id);
            boolean gone = ended == null && seen.contains(id);
            if (ended != null) {
                seen.add(id);
            }
            if (Boolean.TRUE.equals(ended) || gone) {
                // read under the map's lock, like every change of a task's list of waits
                waiting.computeIfPresent(id, (key, waits) -> {
                    done.addAll(waits);
                    return waits;
                });
            }
        }
        seen.retainAll(waiting.keySet());
        return done.isEmpty() ? null : new Completion(done, Outcome.FINISHED);
    }

    private void forget(String taskId, CompletableFuture<Outcome> wait) {
        deadlines.remove(wait);
        waiting.computeIfPresent(taskId, (id, list) -> {
            list.remove(wait);
            return list.isEmpty() ? null : list;
        });
    }
}

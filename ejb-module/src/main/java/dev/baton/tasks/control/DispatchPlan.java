package dev.baton.tasks.control;

import dev.baton.infrastructure.collections.Chunks;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.tasks.control.DispatchGroup.Dispatch;
import dev.baton.tasks.entity.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The messages that carry the first dispatches of tasks created together: the groupable ones (an inline
 * local handler) in {@link DispatchGroup}s of at most {@code groupSize} per JMS priority, highest first;
 * every other task, and a group that would hold a single task, in a message of its own.
 */
public record DispatchPlan(List<Task> singles, List<Grouped> groups) {

    /** A group message and the JMS priority it is sent with. */
    public record Grouped(int jmsPriority, DispatchGroup group) {}

    public static DispatchPlan of(List<Task> tasks, Predicate<Task> groupable, int groupSize) {
        List<Task> singles = new ArrayList<>();
        Map<Integer, List<Task>> byPriority = new TreeMap<>(Comparator.reverseOrder());
        for (Task task : tasks) {
            if (groupSize > 1 && groupable.test(task)) {
                byPriority
                        .computeIfAbsent(Destinations.jmsPriority(task.getEffectivePriority()), p -> new ArrayList<>())
                        .add(task);
            } else {
                singles.add(task);
            }
        }
        List<Grouped> groups = new ArrayList<>();
        byPriority.forEach((jmsPriority, members) -> {
            for (List<Task> chunk : Chunks.of(members, groupSize)) {
                if (chunk.size() == 1) {
                    singles.add(chunk.get(0));
                } else {
                    groups.add(new Grouped(
                            jmsPriority,
                            new DispatchGroup(chunk.stream()
                                    .map(t -> new Dispatch(t.getId(), t.getDispatchSeq()))
                                    .toList())));
                }
            }
        });
        return new DispatchPlan(List.copyOf(singles), List.copyOf(groups));
    }
}

package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.tasks.control.DispatchGroup.Dispatch;
import dev.baton.tasks.control.DispatchPlan.Grouped;
import dev.baton.tasks.entity.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DispatchPlanTest {

    private static final Predicate<Task> INLINE = t -> t.getHandler().equals("noop");

    @Test
    void inlineTasksTravelInGroupsPerJmsPriorityHighestFirstAndTheRestAlone() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(task("low" + i, "noop", 12)); // JMS priority 1
        }
        tasks.add(task("script", "add.js", 95));
        for (int i = 0; i < 3; i++) {
            tasks.add(task("high" + i, "noop", 90 + i * 5)); // 90, 95, 100: all JMS priority 9
        }

        DispatchPlan plan = DispatchPlan.of(tasks, INLINE, 2);

        assertThat(plan.groups()).extracting(Grouped::jmsPriority).containsExactly(9, 1, 1);
        assertThat(plan.groups().get(0).group().taskIds()).containsExactly("high0", "high1");
        assertThat(plan.groups().get(1).group().taskIds()).containsExactly("low0", "low1");
        assertThat(plan.groups().get(2).group().taskIds()).containsExactly("low2", "low3");
        // a group of one is just a dispatch: the leftovers of each priority go alone, like the script
        assertThat(plan.singles()).extracting(Task::getId).containsExactlyInAnyOrder("script", "high2", "low4");
        assertThat(plan.groups().get(0).group().dispatches())
                .containsOnly(new Dispatch("high0", 1), new Dispatch("high1", 1));
    }

    @Test
    void everyTaskIsDispatchedExactlyOnce() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            tasks.add(task("t" + i, i % 7 == 0 ? "echo.js" : "noop", i % 101));
        }

        DispatchPlan plan = DispatchPlan.of(tasks, INLINE, 100);

        List<String> dispatched =
                new ArrayList<>(plan.singles().stream().map(Task::getId).toList());
        plan.groups().forEach(g -> dispatched.addAll(g.group().taskIds()));
        assertThat(dispatched)
                .hasSize(257)
                .containsExactlyInAnyOrderElementsOf(
                        tasks.stream().map(Task::getId).toList());
        assertThat(plan.groups()).allSatisfy(g -> assertThat(g.group().size()).isBetween(2, 100));
    }

    @Test
    void aGroupSizeOfOneSendsEveryTaskAlone() {
        List<Task> tasks = List.of(task("a", "noop", 50), task("b", "noop", 50));

        DispatchPlan plan = DispatchPlan.of(tasks, INLINE, 1);

        assertThat(plan.groups()).isEmpty();
        assertThat(plan.singles()).extracting(Task::getId).containsExactly("a", "b");
    }

    private static Task task(String id, String handler, int priority) {
        return new Task(id, handler, priority, 0);
    }
}

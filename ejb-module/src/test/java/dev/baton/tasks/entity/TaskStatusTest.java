package dev.baton.tasks.entity;

import static dev.baton.tasks.entity.TaskStatus.CANCELLED;
import static dev.baton.tasks.entity.TaskStatus.COMPLETE;
import static dev.baton.tasks.entity.TaskStatus.ERROR;
import static dev.baton.tasks.entity.TaskStatus.QUEUED;
import static dev.baton.tasks.entity.TaskStatus.RUNNING;
import static dev.baton.tasks.entity.TaskStatus.SUCCEEDED;
import static dev.baton.tasks.entity.TaskStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStatusTest {

    /** The lifecycle written out by hand, independently of {@link TaskStatus}'s own table. */
    private static final Map<TaskStatus, Set<TaskStatus>> EXPECTED = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, QUEUED, ERROR, WAITING, CANCELLED),
            WAITING, EnumSet.of(COMPLETE, CANCELLED),
            COMPLETE, EnumSet.of(SUCCEEDED, ERROR, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(TaskStatus.class),
            ERROR, EnumSet.of(QUEUED),
            CANCELLED, EnumSet.of(QUEUED));

    /** A way from QUEUED (where every task starts) to each status, using allowed moves only. */
    private static final Map<TaskStatus, List<TaskStatus>> PATH = Map.of(
            QUEUED, List.of(),
            RUNNING, List.of(RUNNING),
            WAITING, List.of(RUNNING, WAITING),
            COMPLETE, List.of(RUNNING, WAITING, COMPLETE),
            SUCCEEDED, List.of(RUNNING, SUCCEEDED),
            ERROR, List.of(RUNNING, ERROR),
            CANCELLED, List.of(CANCELLED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    static Stream<Arguments> allowedPairs() {
        return everyPair().filter(a -> (boolean) a.get()[2]);
    }

    static Stream<Arguments> forbiddenPairs() {
        return everyPair().filter(a -> !(boolean) a.get()[2]);
    }

    @Test
    void expectedTableNamesEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(TaskStatus.values());
        assertThat(PATH.keySet()).containsExactlyInAnyOrder(TaskStatus.values());
        assertThat(everyPair()).hasSize(TaskStatus.values().length * TaskStatus.values().length);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void canMoveToFollowsTheTable(TaskStatus from, TaskStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(TaskStatus.class)
    void allowedTargetsIsTheTableRowAndReadOnly(TaskStatus from) {
        assertThat(from.allowedTargets()).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from));
        assertThatThrownBy(() -> from.allowedTargets().add(QUEUED)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(from.canMoveTo(QUEUED)).isEqualTo(EXPECTED.get(from).contains(QUEUED));
    }

    @ParameterizedTest
    @EnumSource(TaskStatus.class)
    void terminalStatusesAreSucceededErrorAndCancelled(TaskStatus status) {
        boolean expected = status == SUCCEEDED || status == ERROR || status == CANCELLED;
        assertThat(status.isTerminal()).isEqualTo(expected);
        assertThat(TaskStatus.terminal().contains(status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(TaskStatus.class)
    void onlyRetryLeavesATerminalStatus(TaskStatus status) {
        if (status.isTerminal()) {
            assertThat(status.allowedTargets()).isSubsetOf(QUEUED);
        } else {
            assertThat(status.allowedTargets()).contains(CANCELLED);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedPairs")
    void taskMovesAlongAnAllowedTransition(TaskStatus from, TaskStatus to, boolean allowed) {
        Task task = taskIn(from);

        task.moveTo(to);

        assertThat(task.getStatus()).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("forbiddenPairs")
    void taskRefusesAForbiddenTransitionWith409(TaskStatus from, TaskStatus to, boolean allowed) {
        Task task = taskIn(from);

        assertThatThrownBy(() -> task.moveTo(to)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.type()).isEqualTo("illegal-transition");
            assertThat(e.getMessage()).contains("task-1", "is " + from, "cannot become " + to);
        });
        assertThat(task.getStatus()).isEqualTo(from);
    }

    @Test
    void newTaskIsQueued() {
        Task task = new Task("task-1", "echo", 70, 1234L);

        assertThat(task.getStatus()).isEqualTo(QUEUED);
        assertThat(task.getPriority()).isEqualTo(70);
        assertThat(task.getEffectivePriority()).isEqualTo(70);
        assertThat(task.getSubmitTime()).isEqualTo(1234L);
        assertThat(task.getQueuedTime()).isEqualTo(1234L);
    }

    private static Task taskIn(TaskStatus status) {
        Task task = new Task("task-1", "echo", 50, 0L);
        PATH.get(status).forEach(task::moveTo);
        assertThat(task.getStatus()).isEqualTo(status);
        return task;
    }
}

package dev.baton.workflows.entity;

import static dev.baton.workflows.entity.ActionStatus.CANCELLED;
import static dev.baton.workflows.entity.ActionStatus.COMPLETED;
import static dev.baton.workflows.entity.ActionStatus.FAILED;
import static dev.baton.workflows.entity.ActionStatus.PENDING;
import static dev.baton.workflows.entity.ActionStatus.READY;
import static dev.baton.workflows.entity.ActionStatus.RUNNING;
import static dev.baton.workflows.entity.ActionStatus.SKIPPED;
import static dev.baton.workflows.entity.ActionStatus.WAITING;
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
import org.junit.jupiter.params.provider.MethodSource;

class ActionStatusTest {

    /** The action lifecycle written out by hand, independently of {@link ActionStatus}'s own table. */
    private static final Map<ActionStatus, Set<ActionStatus>> EXPECTED = Map.of(
            PENDING, EnumSet.of(READY, SKIPPED, CANCELLED),
            READY, EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED),
            RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED),
            WAITING, EnumSet.of(COMPLETED, FAILED, CANCELLED),
            FAILED, EnumSet.of(READY, CANCELLED),
            COMPLETED, EnumSet.noneOf(ActionStatus.class),
            SKIPPED, EnumSet.noneOf(ActionStatus.class),
            CANCELLED, EnumSet.noneOf(ActionStatus.class));

    /** A way from PENDING (where every action starts) to each status, using allowed moves only. */
    private static final Map<ActionStatus, List<ActionStatus>> PATH = Map.of(
            PENDING, List.of(),
            READY, List.of(READY),
            RUNNING, List.of(READY, RUNNING),
            WAITING, List.of(READY, WAITING),
            COMPLETED, List.of(READY, COMPLETED),
            FAILED, List.of(READY, FAILED),
            SKIPPED, List.of(SKIPPED),
            CANCELLED, List.of(CANCELLED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ActionStatus from : ActionStatus.values()) {
            for (ActionStatus to : ActionStatus.values()) {
                if (from != to) {
                    pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void tablesNameEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(ActionStatus.values());
        assertThat(PATH.keySet()).containsExactlyInAnyOrder(ActionStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void everyMoveFollowsTheTable(ActionStatus from, ActionStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        RunAction action = new RunAction("r", "a");
        PATH.get(from).forEach(action::moveTo);
        assertThat(action.getStatus()).isEqualTo(from);
        if (allowed) {
            action.moveTo(to);
            assertThat(action.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> action.moveTo(to)).isInstanceOf(IllegalRunTransition.class);
            assertThat(action.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void finalAndInFlightStatuses() {
        assertThat(EnumSet.allOf(ActionStatus.class).stream().filter(ActionStatus::isFinal))
                .containsExactlyInAnyOrder(COMPLETED, SKIPPED, CANCELLED);
        assertThat(EnumSet.allOf(ActionStatus.class).stream().filter(ActionStatus::isInFlight))
                .containsExactlyInAnyOrder(RUNNING, WAITING);
    }

    @Test
    void anActionIsDecidedWhenEveryPredecessorHasResolvedIt() {
        RunAction join = new RunAction("r", "join");

        assertThat(join.resolve(false, 3)).isFalse();
        assertThat(join.resolve(true, 3)).isFalse();
        assertThat(join.resolve(false, 3)).isTrue();
        assertThat(join.anyArrived()).isTrue();

        RunAction dead = new RunAction("r", "dead");
        assertThat(dead.resolve(false, 1)).isTrue();
        assertThat(dead.anyArrived()).isFalse();
    }

    @Test
    void aNewTimerMakesEarlierTimersStale() {
        RunAction wait = new RunAction("r", "w");
        int first = wait.armTimer(1_000);
        int second = wait.armTimer(2_000);
        assertThat(second).isGreaterThan(first);
        assertThat(wait.getTimerSeq()).isEqualTo(second);
        assertThat(wait.getDueTime()).isEqualTo(2_000);
    }
}

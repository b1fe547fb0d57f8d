package dev.baton.workflows.entity;

import static dev.baton.workflows.entity.RunStatus.CANCELLED;
import static dev.baton.workflows.entity.RunStatus.COMPLETED;
import static dev.baton.workflows.entity.RunStatus.FAILED;
import static dev.baton.workflows.entity.RunStatus.PAUSED;
import static dev.baton.workflows.entity.RunStatus.RUNNING;
import static dev.baton.workflows.entity.RunStatus.TIMED_OUT;
import static dev.baton.workflows.entity.RunStatus.WAITING;
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

class RunStatusTest {

    /** The run lifecycle written out by hand, independently of {@link RunStatus}'s own table. */
    private static final Map<RunStatus, Set<RunStatus>> EXPECTED = Map.of(
            RUNNING, EnumSet.of(WAITING, PAUSED, COMPLETED, FAILED, CANCELLED, TIMED_OUT),
            WAITING, EnumSet.of(RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED, TIMED_OUT),
            PAUSED, EnumSet.of(RUNNING, WAITING, COMPLETED, FAILED, CANCELLED, TIMED_OUT),
            FAILED, EnumSet.of(RUNNING, CANCELLED),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class),
            TIMED_OUT, EnumSet.noneOf(RunStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                if (from != to) {
                    pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void expectedTableNamesEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(RunStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void everyMoveFollowsTheTable(RunStatus from, RunStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        Run run = new Run("r", "w", 1, "{}", 50, 0);
        force(run, from);
        if (allowed) {
            run.moveTo(to);
            assertThat(run.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> run.moveTo(to))
                    .isInstanceOf(IllegalRunTransition.class)
                    .hasMessageContaining(from + " and cannot become " + to);
            assertThat(run.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void finalAndActiveStatuses() {
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::isFinal))
                .containsExactlyInAnyOrder(COMPLETED, CANCELLED, TIMED_OUT);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::isActive))
                .containsExactlyInAnyOrder(RUNNING, WAITING);
    }

    /** Moves a new (RUNNING) run to {@code status} along allowed moves. */
    private static void force(Run run, RunStatus status) {
        if (status == RUNNING) {
            return;
        }
        run.moveTo(status);
    }
}

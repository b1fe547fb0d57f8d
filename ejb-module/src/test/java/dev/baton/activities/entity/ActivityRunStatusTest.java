package dev.baton.activities.entity;

import static dev.baton.activities.entity.ActivityRunStatus.CANCELLED;
import static dev.baton.activities.entity.ActivityRunStatus.COMPLETED;
import static dev.baton.activities.entity.ActivityRunStatus.FAILED;
import static dev.baton.activities.entity.ActivityRunStatus.PENDING;
import static dev.baton.activities.entity.ActivityRunStatus.RUNNING;
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

class ActivityRunStatusTest {

    /** The activity run lifecycle written out by hand, independently of {@link ActivityRunStatus}'s table. */
    private static final Map<ActivityRunStatus, Set<ActivityRunStatus>> EXPECTED = Map.of(
            PENDING, EnumSet.of(RUNNING, COMPLETED, FAILED, CANCELLED),
            RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED),
            COMPLETED, EnumSet.noneOf(ActivityRunStatus.class),
            FAILED, EnumSet.noneOf(ActivityRunStatus.class),
            CANCELLED, EnumSet.noneOf(ActivityRunStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ActivityRunStatus from : ActivityRunStatus.values()) {
            for (ActivityRunStatus to : ActivityRunStatus.values()) {
                pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @Test
    void expectedTableNamesEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(ActivityRunStatus.values());
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void everyMoveFollowsTheTable(ActivityRunStatus from, ActivityRunStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        ActivityRun run = new ActivityRun("r", "billing", "{}", "u", 0);
        force(run, from);
        if (allowed) {
            run.moveTo(to);
            assertThat(run.getStatus()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> run.moveTo(to))
                    .isInstanceOf(IllegalActivityTransition.class)
                    .hasMessageContaining("activity run r is " + from + " and cannot become " + to)
                    .satisfies(e ->
                            assertThat(((IllegalActivityTransition) e).status()).isEqualTo(409));
            assertThat(run.getStatus()).isEqualTo(from);
        }
    }

    @Test
    void terminalStatusesNeverChange() {
        assertThat(EnumSet.allOf(ActivityRunStatus.class).stream().filter(ActivityRunStatus::isTerminal))
                .containsExactlyInAnyOrder(COMPLETED, FAILED, CANCELLED);
    }

    @Test
    void aRunningJobMakesAPendingRunRunningAndRecordsItsNode() {
        ActivityRun run = new ActivityRun("r", "billing", "{}", "u", 0);

        run.running(7, "node-a");
        run.running(8, "node-b"); // a restart elsewhere: RUNNING stays RUNNING

        assertThat(run.getStatus()).isEqualTo(RUNNING);
        assertThat(run.getBatchExecutionId()).isEqualTo(8);
        assertThat(run.getNode()).isEqualTo("node-b");
    }

    /** Moves a new (PENDING) run to {@code status} along allowed moves. */
    private static void force(ActivityRun run, ActivityRunStatus status) {
        if (status != PENDING) {
            run.moveTo(status);
        }
    }
}

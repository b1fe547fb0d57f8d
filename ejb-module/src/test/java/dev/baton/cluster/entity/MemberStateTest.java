package dev.baton.cluster.entity;

import static dev.baton.cluster.entity.MemberState.ACTIVE;
import static dev.baton.cluster.entity.MemberState.DEAD;
import static dev.baton.cluster.entity.MemberState.DRAINING;
import static dev.baton.cluster.entity.MemberState.LEFT;
import static dev.baton.cluster.entity.MemberState.STOPPED;
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

class MemberStateTest {

    /** The lifecycle written out by hand, independently of {@link MemberState}'s own table. */
    private static final Map<MemberState, Set<MemberState>> EXPECTED = Map.of(
            ACTIVE, EnumSet.of(DRAINING, DEAD, LEFT),
            DRAINING, EnumSet.of(ACTIVE, STOPPED, DEAD, LEFT),
            STOPPED, EnumSet.of(ACTIVE, DEAD, LEFT),
            DEAD, EnumSet.of(ACTIVE, LEFT),
            LEFT, EnumSet.noneOf(MemberState.class));

    /** A way from ACTIVE (where every member starts) to each state. */
    private static final Map<MemberState, List<MemberState>> PATH = Map.of(
            ACTIVE, List.of(),
            DRAINING, List.of(DRAINING),
            STOPPED, List.of(DRAINING, STOPPED),
            DEAD, List.of(DEAD),
            LEFT, List.of(LEFT));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (MemberState from : MemberState.values()) {
            for (MemberState to : MemberState.values()) {
                pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void theTableAllowsExactlyTheDocumentedMoves(MemberState from, MemberState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void aMemberMovesOnlyAlongTheTable(MemberState from, MemberState to, boolean allowed) {
        Worker worker = new Worker("w1", "w", "host", 2, "worker", 1000);
        PATH.get(from).forEach(step -> worker.moveTo(step, 2000));
        assertThat(worker.getState()).isEqualTo(from);

        if (allowed) {
            worker.moveTo(to, 3000);
            assertThat(worker.getState()).isEqualTo(to);
            assertThat(worker.getStateTime()).isEqualTo(3000);
        } else {
            assertThatThrownBy(() -> worker.moveTo(to, 3000))
                    .isInstanceOf(IllegalMemberTransition.class)
                    .hasMessageContaining(from + " and cannot become " + to);
            assertThat(worker.getState()).isEqualTo(from);
        }
    }

    @Test
    void theOperatorStatusTellsIdleFromProcessing() {
        assertThat(ACTIVE.status(0)).isEqualTo("IDLE");
        assertThat(ACTIVE.status(3)).isEqualTo("PROCESSING");
        assertThat(DRAINING.status(1)).isEqualTo("STOPPING");
        assertThat(STOPPED.status(0)).isEqualTo("STOPPED");
        assertThat(DEAD.status(1)).isEqualTo("DEAD");
        assertThat(LEFT.status(0)).isEqualTo("LEFT");
    }

    @Test
    void onlyActiveMembersTakeWorkAndDeadOrLeftOnesAreNotAlive() {
        assertThat(EnumSet.allOf(MemberState.class).stream().filter(MemberState::takesWork))
                .containsExactly(ACTIVE);
        assertThat(EnumSet.allOf(MemberState.class).stream().filter(MemberState::isAlive))
                .containsExactly(ACTIVE, DRAINING, STOPPED);
    }

    @Test
    void aDeadMemberHeardFromIsActiveAgainAndADrainKeepsItsDeadlineUntilItEnds() {
        Worker worker = new Worker("w1", "w", null, 1, "worker", 1000);
        worker.moveTo(DEAD, 2000);
        worker.heardFrom(2500);
        assertThat(worker.getState()).isEqualTo(ACTIVE);
        assertThat(worker.getHeartbeatTime()).isEqualTo(2500);

        worker.drain(9000, 3000);
        assertThat(worker.getDrainDeadline()).isEqualTo(9000);
        worker.moveTo(STOPPED, 4000);
        assertThat(worker.getDrainDeadline()).isNull();
    }

    @Test
    void operatorDrainsAndResumesAreIdempotentAndRefusedForGoneMembers() {
        Worker worker = new Worker("w1", "w", null, 1, "worker", 1000);
        assertThat(worker.requestDrain(5000, 2000)).isTrue();
        assertThat(worker.requestDrain(9000, 2500))
                .as("draining again sets the new deadline")
                .isTrue();
        assertThat(worker.getState()).isEqualTo(DRAINING);
        assertThat(worker.getDrainDeadline()).isEqualTo(9000);
        worker.moveTo(STOPPED, 3000);
        assertThat(worker.requestDrain(9500, 3500)).isTrue();
        assertThat(worker.getState()).isEqualTo(STOPPED);
        assertThat(worker.requestResume(4000)).isTrue();
        assertThat(worker.requestResume(4500)).isTrue();
        assertThat(worker.getState()).isEqualTo(ACTIVE);

        worker.moveTo(DEAD, 5000);
        assertThat(worker.requestDrain(9000, 5500)).isFalse();
        assertThat(worker.requestResume(5500)).isFalse();
        assertThat(worker.getState()).isEqualTo(DEAD);
    }

    @Test
    void aRestartedNodeIsActiveWhateverItWas() {
        Node node = new Node("n1", "h", 16, 1000);
        node.moveTo(LEFT, 2000);
        node.started("h2", 8, 3000);
        assertThat(node.getState()).isEqualTo(ACTIVE);
        assertThat(node.getStartedTime()).isEqualTo(3000);
        assertThat(node.getThreads()).isEqualTo(8);
    }
}

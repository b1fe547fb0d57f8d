package dev.baton.tasks.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.tasks.control.FirstDispatches;
import dev.baton.tasks.control.TaskLifecycle;
import jakarta.jms.JMSRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The periodic re-send of first dispatches that failed; the start-up path is tested in the container. */
class TaskRecoveryTest {

    private final List<List<String>> redispatched = new ArrayList<>();
    private final Set<String> unsent = new LinkedHashSet<>();
    private boolean brokerDown;

    private final TaskRecovery recovery = new TaskRecovery();

    TaskRecoveryTest() {
        recovery.firstDispatches = new FirstDispatches() {
            @Override
            public List<String> unsent() {
                return List.copyOf(unsent);
            }

            @Override
            public void resent(List<String> taskIds) {
                taskIds.forEach(unsent::remove);
            }
        };
        recovery.lifecycle = new TaskLifecycle() {
            @Override
            public int redispatchFirst(List<String> taskIds) {
                if (brokerDown) {
                    throw new JMSRuntimeException("broker unavailable");
                }
                redispatched.add(List.copyOf(taskIds));
                return taskIds.size();
            }
        };
    }

    @Test
    void failedFirstDispatchesAreSentAgainInChunksInTheirOrderAndThenForgotten() {
        List<String> ids = unsent(250);

        recovery.resendFailedFirstDispatches();

        assertThat(redispatched).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(redispatched.stream().flatMap(List::stream)).containsExactlyElementsOf(ids);
        assertThat(unsent).isEmpty();

        recovery.resendFailedFirstDispatches();
        assertThat(redispatched).as("nothing is sent twice").hasSize(3);
    }

    @Test
    void firstDispatchesThatStillCannotBeSentAreKeptForTheNextRound() {
        List<String> ids = unsent(3);
        brokerDown = true;

        recovery.resendFailedFirstDispatches();

        assertThat(unsent).containsExactlyElementsOf(ids);

        brokerDown = false;
        recovery.resendFailedFirstDispatches();
        assertThat(redispatched).containsExactly(ids);
        assertThat(unsent).isEmpty();
    }

    private List<String> unsent(int n) {
        List<String> ids = IntStream.range(0, n).mapToObj(i -> "task-" + i).toList();
        unsent.addAll(ids);
        return ids;
    }
}

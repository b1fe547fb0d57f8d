package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.tasks.entity.Task;
import jakarta.jms.JMSRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstDispatchesTest {

    private final List<List<Task>> sent = new ArrayList<>();
    private boolean brokerDown;

    private final FirstDispatches dispatches = new FirstDispatches();

    FirstDispatchesTest() {
        dispatches.dispatcher = new Dispatcher() {
            @Override
            public void dispatchAfterCommit(List<Task> tasks) {
                if (brokerDown) {
                    throw new JMSRuntimeException("broker unavailable");
                }
                sent.add(tasks);
            }
        };
    }

    @Test
    void aSentFirstDispatchLeavesNothingToSendAgain() {
        List<Task> tasks = List.of(task("a"), task("b"));

        dispatches.send(tasks);

        assertThat(sent).containsExactly(tasks);
        assertThat(dispatches.unsent()).isEmpty();
    }

    @Test
    void aFailedSendIsNotThrownAndKeepsEveryTaskOfItToSendAgain() {
        brokerDown = true;

        dispatches.send(List.of(task("a"), task("b")));
        dispatches.send(List.of(task("c")));

        assertThat(sent).isEmpty();
        assertThat(dispatches.unsent()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void tasksSentAgainAreForgottenAndTheOthersKept() {
        brokerDown = true;
        dispatches.send(List.of(task("a"), task("b"), task("c")));

        dispatches.resent(List.of("a", "c"));

        assertThat(dispatches.unsent()).containsExactly("b");
    }

    @Test
    void nothingIsSentForNoTasks() {
        brokerDown = true;

        dispatches.send(List.of());

        assertThat(dispatches.unsent()).isEmpty();
    }

    private static Task task(String id) {
        return new Task(id, "noop", 50, 0);
    }
}

package dev.baton.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

    private static WorkflowAction action(int index, String id, String... next) {
        return new WorkflowAction(
                id,
                ActionType.USER,
                "h",
                null,
                next.length == 0 ? Map.of() : Map.of("default", Arrays.asList(next)),
                null,
                null,
                null,
                null,
                null,
                "/actions/" + index);
    }

    @Test
    void aDagHasNoCycle() {
        assertThat(CycleFinder.find(List.of(action(0, "a", "b", "c"), action(1, "b", "c"), action(2, "c"))))
                .isEmpty();
    }

    @Test
    void eachCycleIsReportedOnceAtItsClosingEdge() {
        List<CycleFinder.Cycle> cycles = CycleFinder.find(
                List.of(action(0, "a", "b"), action(1, "b", "c"), action(2, "c", "a", "d"), action(3, "d", "d", "x")));

        assertThat(cycles)
                .containsExactly(
                        new CycleFinder.Cycle(List.of("a", "b", "c", "a"), "/actions/2/next/default/0"),
                        new CycleFinder.Cycle(List.of("d", "d"), "/actions/3/next/default/0"));
        assertThat(cycles.get(0).describe()).isEqualTo("cycle a → b → c → a");
        assertThat(cycles.get(1).describe()).isEqualTo("self-loop d → d");
    }
}

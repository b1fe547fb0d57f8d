package dev.baton.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.infrastructure.json.JsonDocuments;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowGraphTest {

    private static WorkflowDefinition definition(String json) {
        return new WorkflowValidator()
                .validate(JsonDocuments.parse(json), Set.of(), Set.of())
                .orThrow();
    }

    private final WorkflowGraph notification = WorkflowGraph.of(new WorkflowValidator()
            .validate(WorkflowValidatorTest.notification(), Set.of(), Set.of())
            .orThrow());

    @Test
    void successorsAndPredecessorsOfTheNotificationWorkflow() {
        assertThat(notification.ids()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(notification.successors("3")).containsExactly("4", "5");
        assertThat(notification.successors("7")).containsExactly("10", "9");
        assertThat(notification.successors("10")).isEmpty();
        assertThat(notification.predecessors("4")).containsExactly("3");
        assertThat(notification.predecessors("1")).isEmpty();
        assertThat(notification.inDegree("1")).isZero();
        assertThat(notification.inDegree("9")).isEqualTo(1);
        assertThat(notification.nextKeys("3")).containsExactly("MALE", "FEMALE");
        assertThat(notification.targets("7", "open")).containsExactly("9");
        assertThat(notification.targets("7", "missing")).isEmpty();
        assertThat(notification.targets("nope", "default")).isEmpty();
        assertThat(notification.reachableFrom("5")).containsExactly("5", "7", "10", "9");
    }

    @Test
    void aJoinCountsDistinctPredecessors() {
        WorkflowGraph graph = WorkflowGraph.of(
                definition(
                        """
                {"name": "join", "rootAction": 1, "actions": [
                  {"id": 1, "type": "system", "name": "switch", "expression": "{$.input.x}",
                   "next": {"a": [2, 3], "b": [3], "default": [2]}},
                  {"id": 2, "type": "user", "name": "h", "next": {"default": [4]}},
                  {"id": 3, "type": "user", "name": "h", "next": {"default": [4], "retry": [4]}},
                  {"id": 4, "type": "user", "name": "h"}]}
                """));

        assertThat(graph.successors("1")).containsExactly("2", "3");
        assertThat(graph.successors("3")).containsExactly("4");
        assertThat(graph.targets("1", "a")).containsExactly("2", "3");
        assertThat(graph.inDegree("4")).isEqualTo(2);
        assertThat(graph.predecessors("4")).containsExactly("2", "3");
        assertThat(graph.inDegree("3")).isEqualTo(1);
    }
}

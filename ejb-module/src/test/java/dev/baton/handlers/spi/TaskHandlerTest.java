package dev.baton.handlers.spi;

import static dev.baton.handlers.spi.Contexts.child;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskHandlerTest {

    /** Only the abstract methods: everything else is the interface's default. */
    private final TaskHandler handler = new TaskHandler() {
        @Override
        public String name() {
            return "minimal";
        }

        @Override
        public HandlerOutcome handle(TaskContext context) {
            return HandlerOutcome.success(JsonValue.TRUE);
        }
    };

    @Test
    void theDefaultDescriptionIsEmpty() {
        assertThat(handler.description()).isEmpty();
    }

    @Test
    void theDefaultMergeListsTheChildResultsByIndex() throws Exception {
        HandlerOutcome outcome = handler.merge(Contexts.merge(
                JsonValue.EMPTY_JSON_OBJECT,
                child(0, "SUCCEEDED", Json.createValue("a")),
                child(1, "SUCCEEDED", JsonValue.NULL),
                child(2, "SUCCEEDED", Json.createObjectBuilder().add("n", 2).build())));

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.success(Json.createObjectBuilder()
                        .add(
                                "children",
                                Json.createArrayBuilder()
                                        .add("a")
                                        .addNull()
                                        .add(Json.createObjectBuilder().add("n", 2)))
                        .build()));
    }

    @Test
    void theDefaultMergeFailsWhenAnyChildDidNotSucceed() throws Exception {
        HandlerOutcome outcome = handler.merge(Contexts.merge(
                JsonValue.EMPTY_JSON_OBJECT,
                child(0, "SUCCEEDED", JsonValue.TRUE),
                child(1, "ERROR", null),
                child(2, "CANCELLED", null)));

        assertThat(outcome).isEqualTo(HandlerOutcome.failure("2 of 3 children did not succeed"));
    }

    @Test
    void theDefaultMergeOfAChildWithoutResultIsNull() throws Exception {
        var child = Json.createObjectBuilder()
                .add("index", 0)
                .add("status", "SUCCEEDED")
                .build();

        assertThat(handler.merge(Contexts.merge(JsonValue.EMPTY_JSON_OBJECT, child)))
                .isEqualTo(HandlerOutcome.success(Json.createObjectBuilder()
                        .add("children", Json.createArrayBuilder().addNull())
                        .build()));
    }

    @Test
    void outcomesCopyTheirChildrenAndNeverHoldJavaNull() {
        List<ChildSpec> children = new ArrayList<>(List.of(new ChildSpec("echo", JsonValue.EMPTY_JSON_OBJECT)));
        HandlerOutcome.Split split = (HandlerOutcome.Split) HandlerOutcome.split(children);
        children.clear();

        assertThat(split.children()).hasSize(1);
        assertThat(HandlerOutcome.success(null)).isEqualTo(new HandlerOutcome.Success(JsonValue.NULL));
        assertThat(HandlerOutcome.timeout("late")).isEqualTo(new HandlerOutcome.Failure("late", true));
        assertThat(HandlerOutcome.failure("bad")).isEqualTo(new HandlerOutcome.Failure("bad", false));
    }

    @Test
    void aSplitWithoutChildrenIsRefused() {
        assertThatThrownBy(() -> HandlerOutcome.split(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one child");
        assertThatThrownBy(() -> new HandlerOutcome.Split(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.baton.handlers.builtin;

import static dev.baton.handlers.spi.Contexts.child;
import static dev.baton.handlers.spi.Contexts.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.handlers.spi.ChildSpec;
import dev.baton.handlers.spi.Contexts;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltinHandlersTest {

    private static final JsonObject PARAMS =
            Json.createObjectBuilder().add("a", 1).add("b", "two").build();

    @Test
    void everyBuiltinHasItsNameAndADescription() {
        List<TaskHandler> handlers = List.of(
                new NoopHandler(), new EchoHandler(), new FailHandler(), new SleepHandler(), new SplitHandler());

        assertThat(handlers).extracting(TaskHandler::name).containsExactly("noop", "echo", "fail", "sleep", "split");
        assertThat(handlers).allSatisfy(h -> assertThat(h.description()).isNotBlank());
    }

    @Test
    void noopSucceedsWithANullResult() {
        assertThat(new NoopHandler().handle(Contexts.run(PARAMS))).isEqualTo(HandlerOutcome.success(JsonValue.NULL));
    }

    @Test
    void echoSucceedsWithItsParams() {
        assertThat(new EchoHandler().handle(Contexts.run(PARAMS))).isEqualTo(HandlerOutcome.success(PARAMS));
        assertThat(new EchoHandler().handle(Contexts.run(Json.createValue(7))))
                .isEqualTo(HandlerOutcome.success(Json.createValue(7)));
        assertThat(new EchoHandler().handle(Contexts.run(null))).isEqualTo(HandlerOutcome.success(JsonValue.NULL));
    }

    @Test
    void failFailsWithItsMessageAndTheTry() {
        JsonObject params =
                Json.createObjectBuilder().add("message", "disk full").build();

        assertThat(new FailHandler().handle(Contexts.run(params, 2)))
                .isEqualTo(HandlerOutcome.failure("disk full (try 2)"));
        assertThat(new FailHandler().handle(Contexts.run(JsonValue.EMPTY_JSON_OBJECT, 1)))
                .isEqualTo(HandlerOutcome.failure("failed on purpose (try 1)"));
        assertThat(new FailHandler().handle(Contexts.run(Json.createValue("not an object"), 1)))
                .isEqualTo(HandlerOutcome.failure("failed on purpose (try 1)"));
    }

    @Test
    void failSucceedsFromTheGivenTryOn() {
        JsonObject params = Json.createObjectBuilder().add("succeedOnTry", 3).build();
        FailHandler fail = new FailHandler();

        assertThat(fail.handle(Contexts.run(params, 1))).isInstanceOf(HandlerOutcome.Failure.class);
        assertThat(fail.handle(Contexts.run(params, 2))).isEqualTo(HandlerOutcome.failure("failed on purpose (try 2)"));
        assertThat(fail.handle(Contexts.run(params, 3)))
                .isEqualTo(HandlerOutcome.success(
                        Json.createObjectBuilder().add("try", 3).build()));
        assertThat(fail.handle(Contexts.run(params, 4)))
                .isEqualTo(HandlerOutcome.success(
                        Json.createObjectBuilder().add("try", 4).build()));
    }

    @Test
    void sleepSleepsTheGivenMillisecondsAndStopsWhenInterrupted() throws InterruptedException {
        SleepHandler sleep = new SleepHandler();

        assertThat(sleep.handle(
                        Contexts.run(Json.createObjectBuilder().add("ms", 5).build())))
                .isEqualTo(HandlerOutcome.success(
                        Json.createObjectBuilder().add("slept", 5).build()));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> sleep.handle(Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void splitAsksForCountChildrenOfTheGivenHandler() {
        JsonObject params = Json.createObjectBuilder()
                .add("count", 3)
                .add("handler", "noop")
                .build();

        HandlerOutcome outcome = new SplitHandler().handle(Contexts.run(params));

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.split(List.of(
                        new ChildSpec("noop", indexed(0)),
                        new ChildSpec("noop", indexed(1)),
                        new ChildSpec("noop", indexed(2)))));
    }

    @Test
    void splitDefaultsToTwoEchoChildren() {
        assertThat(new SplitHandler().handle(Contexts.run(JsonValue.EMPTY_JSON_OBJECT)))
                .isEqualTo(HandlerOutcome.split(
                        List.of(new ChildSpec("echo", indexed(0)), new ChildSpec("echo", indexed(1)))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, SplitHandler.MAX_COUNT + 1})
    void splitRefusesACountOutsideItsRange(int count) {
        JsonObject params = Json.createObjectBuilder().add("count", count).build();

        assertThat(new SplitHandler().handle(Contexts.run(params)))
                .isEqualTo(HandlerOutcome.failure(
                        "params.count must be between 1 and " + SplitHandler.MAX_COUNT + " (was " + count + ")"));
    }

    @Test
    void splitTreatsParamsThatAreNotAnObjectAsEmpty() {
        assertThat(new SplitHandler().handle(Contexts.run(Json.createValue(5))))
                .isInstanceOfSatisfying(HandlerOutcome.Split.class, s -> assertThat(s.children())
                        .hasSize(2));
    }

    @Test
    void splitMergeFailsWhenAChildDidNotSucceed() {
        HandlerOutcome outcome = new SplitHandler()
                .merge(Contexts.merge(
                        JsonValue.EMPTY_JSON_OBJECT, child(0, "SUCCEEDED", value(0)), child(1, "ERROR", null)));

        assertThat(outcome).isEqualTo(HandlerOutcome.failure("1 of 2 children did not succeed"));
    }

    @Test
    void splitMergeWithAllowFailuresSumsTheValuesOfTheChildrenThatSucceeded() {
        HandlerOutcome outcome = new SplitHandler()
                .merge(Contexts.merge(
                        Json.createObjectBuilder().add("allowFailures", true).build(),
                        child(0, "SUCCEEDED", value(0)),
                        child(1, "SUCCEEDED", value(1)),
                        child(2, "ERROR", value(100)),
                        child(3, "SUCCEEDED", value(3)),
                        child(4, "SUCCEEDED", JsonValue.NULL),
                        child(5, "CANCELLED", null)));

        assertThat(outcome)
                .isEqualTo(HandlerOutcome.success(Json.createObjectBuilder()
                        .add("children", 6)
                        .add("succeeded", 4)
                        .add("failed", 2)
                        .add("sum", 4)
                        .build()));
    }

    @Test
    void splitThenMergeOfEchoChildrenSumsTheirIndexes() {
        SplitHandler split = new SplitHandler();
        HandlerOutcome.Split children = (HandlerOutcome.Split) split.handle(
                Contexts.run(Json.createObjectBuilder().add("count", 10).build()));
        EchoHandler echo = new EchoHandler();
        JsonObject[] outcomes = new JsonObject[children.children().size()];
        for (int i = 0; i < outcomes.length; i++) {
            HandlerOutcome.Success result = (HandlerOutcome.Success)
                    echo.handle(Contexts.run(children.children().get(i).params()));
            outcomes[i] = child(i, "SUCCEEDED", result.result());
        }

        HandlerOutcome merged = split.merge(Contexts.merge(JsonValue.EMPTY_JSON_OBJECT, outcomes));

        assertThat(merged).isInstanceOfSatisfying(HandlerOutcome.Success.class, s -> assertThat(
                        s.result().asJsonObject().getJsonNumber("sum").longValue())
                .isEqualTo(45));
    }

    private static JsonObject indexed(int i) {
        return Json.createObjectBuilder().add("index", i).add("value", i).build();
    }
}

package dev.baton.handlers.spi;

import jakarta.json.JsonValue;
import java.util.List;

/** How a handler's run ended: a result, a request to split into children, or a failure. */
public sealed interface HandlerOutcome {

    /** The task's result (any JSON value, {@code JsonValue.NULL} for none). */
    record Success(JsonValue result) implements HandlerOutcome {}

    /**
     * The task waits for these children; the handler's merge phase runs once all are terminal. At least
     * one child: a task waiting for none would never be merged.
     */
    record Split(List<ChildSpec> children) implements HandlerOutcome {
        public Split {
            children = List.copyOf(children);
            if (children.isEmpty()) {
                throw new IllegalArgumentException("a split needs at least one child");
            }
        }
    }

    /** The attempt failed; {@code timedOut} when it ran out of time. */
    record Failure(String error, boolean timedOut) implements HandlerOutcome {}

    static HandlerOutcome success(JsonValue result) {
        return new Success(result == null ? JsonValue.NULL : result);
    }

    static HandlerOutcome split(List<ChildSpec> children) {
        return new Split(children);
    }

    static HandlerOutcome failure(String error) {
        return new Failure(error, false);
    }

    static HandlerOutcome timeout(String error) {
        return new Failure(error, true);
    }
}

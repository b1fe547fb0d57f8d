package dev.baton.handlers.spi;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A Java handler. Implementations are {@code @ApplicationScoped} CDI beans; Baton finds them by
 * {@link #name()}. {@link #handle} runs on a Baton thread that is interrupted when the task's timeout
 * passes or it is cancelled: long work should check {@link Thread#isInterrupted()}.
 */
public interface TaskHandler {

    /** The handler name tasks refer to; must not clash with a workspace script's name. */
    String name();

    /** A one-line description for {@code GET /api/handlers}. */
    default String description() {
        return "";
    }

    /**
     * True for a handler that finishes at once and touches nothing outside its task (like {@code noop}
     * and {@code echo}): its attempt is claimed, run and recorded in one transaction, which saves a
     * commit per task. A crash in between leaves the task QUEUED, as if the attempt never started.
     */
    default boolean inline() {
        return false;
    }

    HandlerOutcome handle(TaskContext context) throws Exception;

    /**
     * Combines the children's outcomes after a split ({@link Phase#MERGE}). By default the result is
     * {@code {"children": [each child's result]}} and the merge fails if any child did not succeed.
     */
    default HandlerOutcome merge(TaskContext context) throws Exception {
        return defaultMerge(context);
    }

    /**
     * The default merge: {@code {"children": [each child's result]}}, failing if any child did not
     * succeed. Also the merge of tasks whose handler runs on remote workers.
     */
    static HandlerOutcome defaultMerge(TaskContext context) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        int failed = 0;
        for (JsonValue child : context.children()) {
            JsonObject c = child.asJsonObject();
            if (!"SUCCEEDED".equals(c.getString("status"))) {
                failed++;
            }
            results.add(c.getOrDefault("result", JsonValue.NULL));
        }
        if (failed > 0) {
            return HandlerOutcome.failure(failed + " of " + context.children().size() + " children did not succeed");
        }
        return HandlerOutcome.success(
                Json.createObjectBuilder().add("children", results).build());
    }
}

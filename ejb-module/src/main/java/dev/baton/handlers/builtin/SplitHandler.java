package dev.baton.handlers.builtin;

import dev.baton.handlers.spi.ChildSpec;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.handlers.spi.TaskContext;
import dev.baton.handlers.spi.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits into {@code params.count} (1 to {@link #MAX_COUNT}, default 2) children running {@code params.handler} (default {@code echo}) with
 * params {@code {"index": i, "value": i}}; the merge sums the children's {@code value} results and
 * counts outcomes: {@code {"children": n, "succeeded": s, "failed": f, "sum": total}}. Like every merge
 * by default, it fails when a child did not succeed, unless {@code params.allowFailures} is true.
 */
@ApplicationScoped
public class SplitHandler implements TaskHandler {

    /** The most children one split may ask for. */
    public static final int MAX_COUNT = 100_000;

    @Override
    public String name() {
        return "split";
    }

    @Override
    public String description() {
        return "Splits into params.count children of params.handler (default echo); merge sums their values"
                + " (and fails if a child failed, unless params.allowFailures)";
    }

    @Override
    public HandlerOutcome handle(TaskContext context) {
        JsonObject params = context.params() != null && context.params().getValueType() == JsonValue.ValueType.OBJECT
                ? context.params().asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
        int count = params.getInt("count", 2);
        if (count < 1 || count > MAX_COUNT) {
            // no children would leave the task waiting forever; too many would exhaust memory
            return HandlerOutcome.failure("params.count must be between 1 and " + MAX_COUNT + " (was " + count + ")");
        }
        String handler = params.getString("handler", "echo");
        List<ChildSpec> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(new ChildSpec(
                    handler,
                    Json.createObjectBuilder().add("index", i).add("value", i).build()));
        }
        return HandlerOutcome.split(children);
    }

    @Override
    public HandlerOutcome merge(TaskContext context) {
        long sum = 0;
        int succeeded = 0;
        for (JsonValue child : context.children()) {
            JsonObject c = child.asJsonObject();
            if ("SUCCEEDED".equals(c.getString("status"))) {
                succeeded++;
                JsonValue result = c.get("result");
                if (result != null && result.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonNumber value = result.asJsonObject().getJsonNumber("value");
                    sum += value == null ? 0 : value.longValue();
                }
            }
        }
        int total = context.children().size();
        int failed = total - succeeded;
        boolean allowFailures = context.params() != null
                && context.params().getValueType() == JsonValue.ValueType.OBJECT
                && context.params().asJsonObject().getBoolean("allowFailures", false);
        if (failed > 0 && !allowFailures) {
            return HandlerOutcome.failure(failed + " of " + total + " children did not succeed");
        }
        return HandlerOutcome.success(Json.createObjectBuilder()
                .add("children", total)
                .add("succeeded", succeeded)
                .add("failed", failed)
                .add("sum", sum)
                .build());
    }
}

package dev.baton.tasks.control;

import dev.baton.handlers.spi.ChildSpec;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The children a task split into, as stored on the parent: {@code {"generation": g, "children": [...]}}.
 * The generation (the parent's dispatch sequence at split time) makes child ids unique per split, so a
 * retried parent's new split never collides with the old children.
 */
public record SplitSpec(int generation, List<ChildSpec> children) {

    public static String print(int generation, List<ChildSpec> children) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ChildSpec c : children) {
            JsonObjectBuilder child = Json.createObjectBuilder().add("handler", c.handler());
            child.add("params", c.params() == null ? JsonValue.EMPTY_JSON_OBJECT : c.params());
            if (c.priority() != null) {
                child.add("priority", c.priority());
            }
            if (c.name() != null) {
                child.add("name", c.name());
            }
            array.add(child);
        }
        return JsonDocuments.print(Json.createObjectBuilder()
                .add("generation", generation)
                .add("children", array)
                .build());
    }

    public static SplitSpec parse(String stored) {
        JsonObject json = JsonDocuments.parseStored(stored).asJsonObject();
        List<ChildSpec> children = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("children")) {
            JsonObject c = value.asJsonObject();
            JsonNumber priority = c.getJsonNumber("priority");
            children.add(new ChildSpec(
                    c.getString("handler"),
                    c.get("params"),
                    priority == null ? null : priority.intValue(),
                    c.containsKey("name") ? c.getString("name") : null));
        }
        return new SplitSpec(json.getInt("generation"), children);
    }
}

package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A handler's answer that splits its task into children (see {@link TaskContext#split}); the worker
 * reports it as the result {@code {"$split":[{"handler":…,"params":…},…]}}, which Baton turns into child
 * tasks whose results are merged back into the parent.
 */
public final class Split {

    private final List<Child> children;

    Split(List<Child> children) {
        if (children == null || children.isEmpty()) {
            throw new IllegalArgumentException("a split needs at least one child");
        }
        this.children = List.copyOf(children);
    }

    public List<Child> children() {
        return children;
    }

    JsonObject toJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        children.forEach(child -> array.add(child.toJson()));
        return Json.createObjectBuilder().add("$split", array).build();
    }

    @Override
    public String toString() {
        return "Split" + children;
    }
}

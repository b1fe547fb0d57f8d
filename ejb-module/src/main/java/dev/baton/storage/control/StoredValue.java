package dev.baton.storage.control;

import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A value as stored at a path, with its version (the write answer {@code {"path","version","value"}}). */
public record StoredValue(String path, long version, JsonValue value) {

    public JsonObject toJson() {
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("path", path)
                .add("version", version)
                .add("value", value)
                .build();
    }

    /** The HTTP entity tag of this version, quotes included: {@code "3"}. */
    public String entityTag() {
        return "\"" + version + "\"";
    }
}

package dev.baton.storage.control;

import jakarta.json.JsonValue;

/**
 * What a read found at a path: its value and version, or (version null) the subtree below it assembled
 * as a JSON object. A flat read's {@code value} is the {@code {"path": value}} object.
 */
public record StorageRead(String path, JsonValue value, Long version) {

    public boolean isSubtree() {
        return version == null;
    }
}

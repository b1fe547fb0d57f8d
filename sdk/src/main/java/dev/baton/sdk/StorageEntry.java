package dev.baton.sdk;

import jakarta.json.JsonValue;

/**
 * A value of the shared storage at {@code path} with its {@code version} (the ETag; 0 when Baton gave
 * none, e.g. for a sub-tree assembled from several paths).
 */
public record StorageEntry(String path, long version, JsonValue value) {

    /** The value read with JSON-B. */
    public <T> T value(Class<T> type) {
        return JsonCodec.fromJson(value, type);
    }
}

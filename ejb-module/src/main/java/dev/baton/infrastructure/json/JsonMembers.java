package dev.baton.infrastructure.json;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** Adds members that may be absent: JSON {@code null} instead of a missing member, so documents keep one shape. */
public final class JsonMembers {

    private JsonMembers() {}

    /** {@code name: value}, or {@code name: null}. */
    public static JsonObjectBuilder text(JsonObjectBuilder json, String name, String value) {
        return value == null ? json.addNull(name) : json.add(name, value);
    }

    /** {@code name: "2026-11-23T10:00:00Z"} (ISO-8601 UTC from epoch milliseconds), or {@code name: null}. */
    public static JsonObjectBuilder time(JsonObjectBuilder json, String name, Long epochMillis) {
        return epochMillis == null
                ? json.addNull(name)
                : json.add(name, Instant.ofEpochMilli(epochMillis).toString());
    }
}

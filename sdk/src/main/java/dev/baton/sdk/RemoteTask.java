package dev.baton.sdk;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** One task of a poll answer: {@code {"id","name","handler","params","try","priority","timeoutSeconds","lease"}}. */
record RemoteTask(
        String id,
        String name,
        String handler,
        JsonValue params,
        int tryNumber,
        int priority,
        int timeoutSeconds,
        String lease,
        JsonObject json) {

    static RemoteTask of(JsonObject json) {
        String id = JsonCodec.text(json, "id");
        String handler = JsonCodec.text(json, "handler");
        if (id == null || handler == null) {
            throw new BatonException("a polled task without id or handler: " + json);
        }
        JsonValue lease = json.get("lease");
        return new RemoteTask(
                id,
                JsonCodec.text(json, "name"),
                handler,
                json.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT),
                JsonCodec.integer(json, "try", 1),
                JsonCodec.integer(json, "priority", 50),
                JsonCodec.integer(json, "timeoutSeconds", 0),
                lease == null || lease.getValueType() == JsonValue.ValueType.NULL
                        ? null
                        : lease instanceof jakarta.json.JsonString s ? s.getString() : lease.toString(),
                json);
    }
}

package dev.baton.handlers.spi;

import jakarta.json.JsonValue;

/** One child a handler asks for when it splits a task; null priority/name inherit the parent's. */
public record ChildSpec(String handler, JsonValue params, Integer priority, String name) {

    public ChildSpec(String handler, JsonValue params) {
        this(handler, params, null, null);
    }
}

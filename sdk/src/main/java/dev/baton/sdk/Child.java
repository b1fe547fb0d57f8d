package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/** One child task of a split: the handler that runs it and its params (any value JSON-B can write). */
public record Child(String handler, Object params) {

    public Child {
        Objects.requireNonNull(handler, "handler");
    }

    public static Child of(String handler, Object params) {
        return new Child(handler, params);
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("handler", handler)
                .add("params", JsonCodec.toJson(params))
                .build();
    }
}

package dev.baton.storage.control;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A value about to be stored: the JSON value, its compact text and that text's size in UTF-8 bytes. */
public record StorageValue(JsonValue value, String json, int bytes) {

    /** The value's stored form; 413 (field {@code value}) when it is larger than {@code limitBytes}. */
    public static StorageValue of(JsonValue value, long limitBytes) {
        String json = JsonDocuments.print(value);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limitBytes) {
            throw new ProblemException(
                    413,
                    "value-too-large",
                    "Value too large",
                    "value: its JSON is " + bytes + " bytes, more than the " + limitBytes + " bytes a path may hold",
                    List.of(new Violation("value", "larger than " + limitBytes + " bytes")),
                    Map.of("limitBytes", limitBytes));
        }
        return new StorageValue(value, json, bytes);
    }
}

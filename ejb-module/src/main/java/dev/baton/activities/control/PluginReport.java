package dev.baton.activities.control;

import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a plugin reports about itself while InProgress, parsed from the JSON body of a REST call or JMS
 * message: {@code progress} {@code {"message"}} (required), {@code complete} {@code {"message", "result"}}
 * (both optional, an empty body too), {@code error} {@code {"message"}} (required). 400 for malformed
 * JSON, a body that is not an object, wrong types, unknown fields and a missing message.
 *
 * @param message the message; null for a completion without one (the last progress message stays)
 * @param result any JSON value the plugin completed with, or null
 */
public record PluginReport(Kind kind, String message, JsonValue result) {

    /** The three reports. */
    public enum Kind {
        /** A progress message; the plugin stays InProgress. */
        PROGRESS,
        /** The plugin's work is done: Complete. */
        COMPLETE,
        /** The plugin's work failed: Error (a required plugin fails the run). */
        ERROR;

        /** The lower-case name used in paths and JMS ({@code progress}, {@code complete}, {@code error}). */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code text} (lower case), or null. */
        public static Kind of(String text) {
            for (Kind kind : values()) {
                if (kind.json().equals(text)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public static PluginReport parse(Kind kind, String body) {
        JsonObject json;
        if (kind == Kind.COMPLETE && (body == null || body.isBlank())) {
            json = JsonValue.EMPTY_JSON_OBJECT;
        } else {
            json = PluginRegistration.object(body);
        }
        Set<String> fields = kind == Kind.COMPLETE ? Set.of("message", "result") : Set.of("message");
        List<Violation> errors = new ArrayList<>();
        PluginRegistration.unknownFields(json, fields, errors);
        String message = text(json, "message", errors);
        if (message == null
                && kind != Kind.COMPLETE
                && errors.stream().noneMatch(v -> v.field().equals("/message"))) {
            errors.add(new Violation("/message", "is required: a string"));
        }
        PluginRegistration.throwIfAny400(errors);
        JsonValue result = json.get("result");
        return new PluginReport(
                kind, message, result == null || result.getValueType() == JsonValue.ValueType.NULL ? null : result);
    }

    /** The result as stored JSON text, or null. */
    public String resultText() {
        return result == null ? null : JsonDocuments.print(result);
    }
}

package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Type;

/** JSON-P values in and out of the wire, JSON-B (Yasson) for the typed views (params, results, storage values). */
final class JsonCodec {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonCodec() {}

    /** Any Java value as JSON: JSON-P values as they are, null as JSON null, anything else through JSON-B. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Split split) {
            return split.toJson();
        }
        try {
            return parse(JSONB.toJson(value));
        } catch (JsonbException e) {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON value as {@code type}: JSON-P types as they are (JSON null is Java null), else through JSON-B. */
    static <T> T fromJson(JsonValue value, Class<T> type) {
        return type.cast(fromJson(value, (Type) type));
    }

    static Object fromJson(JsonValue value, Type type) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return type == JsonValue.class ? JsonValue.NULL : null;
        }
        if (type instanceof Class<?> cls && JsonValue.class.isAssignableFrom(cls)) {
            if (!cls.isInstance(value)) {
                throw new IllegalArgumentException("expected " + cls.getSimpleName() + " but got "
                        + value.getValueType().name().toLowerCase() + ": " + abbreviate(value.toString()));
            }
            return value;
        }
        try {
            return JSONB.fromJson(value.toString(), type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException(
                    "cannot read " + abbreviate(value.toString()) + " as " + type.getTypeName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Parses any JSON text (object, array, scalar). */
    static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(text), e);
        }
    }

    /** Parses a JSON object, or null when the text is blank or not an object. */
    static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonValue value = parse(text);
            return value instanceof JsonObject object ? object : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A string member, or null when absent, null or not a string. */
    static String text(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : null;
    }

    /** A number member as int, or {@code fallback} when absent or not a number. */
    static int integer(JsonObject object, String name, int fallback) {
        JsonValue value = object == null ? null : object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.NUMBER
                ? object.getJsonNumber(name).intValue()
                : fallback;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

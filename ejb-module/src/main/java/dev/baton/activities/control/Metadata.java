package dev.baton.activities.control;

import static dev.baton.infrastructure.json.RequestFields.describe;

import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's metadata attributes as selector values: JSON strings become {@link String}, booleans {@link
 * Boolean}, integral numbers that fit {@link Long} (others {@link Double}), null stays null. Objects and
 * arrays are kept as they are: unlike every selector type, so comparing them is FALSE.
 */
public final class Metadata {

    private Metadata() {}

    public static Map<String, Object> of(JsonObject json) {
        Map<String, Object> attributes = new HashMap<>();
        if (json != null) {
            json.forEach((name, value) -> attributes.put(name, value(value)));
        }
        return attributes;
    }

    static Object value(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case NUMBER -> number((JsonNumber) value);
            case OBJECT, ARRAY -> value;
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            BigInteger big = number.bigIntegerValue();
            if (big.bitLength() < 64) {
                return big.longValue();
            }
        }
        return number.doubleValue();
    }

    /** A plan request {@code {"metadata": {...}}} (metadata optional): its attributes; 400 otherwise. */
    public static Map<String, Object> parsePlanRequest(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        JsonObject json = PluginRegistration.object(body);
        List<Violation> errors = new ArrayList<>();
        PluginRegistration.unknownFields(json, Set.of("metadata"), errors);
        JsonValue metadata = json.get("metadata");
        if (metadata != null
                && metadata.getValueType() != JsonValue.ValueType.OBJECT
                && metadata.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new Violation("/metadata", "must be a JSON object, not " + describe(metadata)));
        }
        PluginRegistration.throwIfAny400(errors);
        return metadata == null || metadata.getValueType() == JsonValue.ValueType.NULL
                ? Map.of()
                : of(metadata.asJsonObject());
    }
}

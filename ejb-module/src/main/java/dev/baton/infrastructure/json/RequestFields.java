package dev.baton.infrastructure.json;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.List;

/**
 * Reads typed top-level fields of a JSON request body, collecting each mistake as a {@link Violation}
 * named by its JSON pointer instead of failing on the first.
 */
public final class RequestFields {

    private RequestFields() {}

    /** A request body that must be one JSON object; 400 (line/column, or naming {@code body}) otherwise. */
    public static JsonObject object(String body) {
        JsonValue document = JsonDocuments.parse(body);
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("body", "must be a JSON object, not " + describe(document));
        }
        return document.asJsonObject();
    }

    /** The violations of members not in {@code known}, each naming the known ones. */
    public static List<Violation> unknownFields(JsonObject json, java.util.Set<String> known) {
        List<Violation> errors = new java.util.ArrayList<>();
        for (String field : json.keySet()) {
            if (!known.contains(field)) {
                errors.add(
                        new Violation(pointer(field), "unknown field (known: " + new java.util.TreeSet<>(known) + ")"));
            }
        }
        return errors;
    }

    public static String text(JsonObject json, String field, List<Violation> errors) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new Violation(pointer(field), "must be a string, not " + describe(value)));
        return null;
    }

    /** An integral number of any size (one beyond int is a range violation, not a type error). */
    public static JsonNumber integer(JsonObject json, String field, List<Violation> errors) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return n;
        }
        errors.add(new Violation(pointer(field), "must be an integer, not " + describe(value)));
        return null;
    }

    public static void range(List<Violation> rules, String field, JsonNumber value, int min, int max) {
        if (value == null) {
            return;
        }
        BigInteger number = value.bigIntegerValue();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            rules.add(new Violation(field, "must be between " + min + " and " + max + " (was " + value + ")"));
        }
    }

    /** The JSON pointer (RFC 6901) of a top-level member. */
    public static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }

    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}

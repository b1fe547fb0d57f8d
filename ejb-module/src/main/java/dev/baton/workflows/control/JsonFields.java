package dev.baton.workflows.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Reads typed members of a definition's objects, recording an error for each wrong one. */
final class JsonFields {

    /** Workflow names and action ids go into URLs and JSONPaths. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    static final int MAX_SECONDS = 31 * 24 * 3600;

    private final Findings findings;

    JsonFields(Findings findings) {
        this.findings = findings;
    }

    /** A non-blank string member, or null (with an error when {@code required} or of another type). */
    String string(JsonObject object, String key, String base, boolean required) {
        JsonValue value = object.get(key);
        String pointer = Findings.pointer(base, key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                findings.error(pointer, "'" + key + "' is required");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            findings.error(pointer, "'" + key + "' must be a string, not " + typeOf(value));
            return null;
        }
        if (string.getString().isBlank()) {
            findings.error(pointer, "'" + key + "' must not be blank");
            return null;
        }
        return string.getString();
    }

    /** An integer member within [min, max], or null (with an error when required or wrong). */
    Integer integer(JsonObject object, String key, String base, boolean required, int min, int max) {
        JsonValue value = object.get(key);
        String pointer = Findings.pointer(base, key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                findings.error(pointer, "'" + key + "' is required (an integer from " + min + " to " + max + ")");
            }
            return null;
        }
        if (!(value instanceof JsonNumber number) || !isInteger(number)) {
            findings.error(pointer, "'" + key + "' must be an integer from " + min + " to " + max + ", not " + value);
            return null;
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            findings.error(pointer, "'" + key + "' must be from " + min + " to " + max + ", not " + value);
            return null;
        }
        return decimal.intValueExact();
    }

    /** An id: an integer number or a string of letters, digits, '_' and '-'; normalised to a string. */
    String id(JsonValue value, String pointer, String what) {
        if (value == null || value == JsonValue.NULL) {
            findings.error(pointer, what + " is required (a number or a string)");
            return null;
        }
        String id = null;
        if (value instanceof JsonNumber number && isInteger(number)) {
            id = number.bigDecimalValue().toBigInteger().toString();
        } else if (value instanceof JsonString string) {
            id = string.getString();
        }
        if (id == null || !ID.matcher(id).matches()) {
            findings.error(
                    pointer,
                    what + " must be an integer or a string of 1 to 100 letters, digits, '_' or '-', not " + value);
            return null;
        }
        return id;
    }

    static boolean isInteger(JsonNumber number) {
        BigDecimal decimal = number.bigDecimalValue();
        // bounded first: toBigInteger() of 1e999999999 would take the server's memory
        return decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0);
    }

    static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}

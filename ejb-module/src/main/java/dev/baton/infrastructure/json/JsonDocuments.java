package dev.baton.infrastructure.json;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and prints JSON; malformed input becomes a 400 problem naming the line and column. */
public final class JsonDocuments {

    private JsonDocuments() {}

    public static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("body", "a JSON document is required");
        }
        return parse(new StringReader(text));
    }

    /**
     * Reads exactly one JSON value: content after it, nesting deeper than the parser allows and numbers
     * longer than it accepts are malformed too (the parser reports the last two with plain runtime
     * exceptions).
     */
    public static JsonValue parse(Reader reader) {
        try (JsonParser parser = Json.createParser(reader)) {
            JsonValue value;
            boolean trailing;
            try {
                parser.next();
                value = parser.getValue();
                trailing = parser.hasNext();
            } catch (JsonParsingException e) {
                throw malformed(e.getMessage(), e.getLocation());
            } catch (RuntimeException e) {
                throw malformed(e.getMessage(), parser.getLocation());
            }
            if (trailing) {
                throw malformed("unexpected content after the JSON value", parser.getLocation());
            }
            return value;
        }
    }

    /** Parses JSON stored by Baton itself (never malformed); null text stays null. */
    public static JsonValue parseStored(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader json = Json.createReader(new StringReader(text))) {
            return json.readValue();
        }
    }

    public static String print(JsonValue value) {
        if (value == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    private static ProblemException malformed(String message, JsonLocation location) {
        Map<String, Object> where = new LinkedHashMap<>();
        String detail = "malformed JSON";
        if (location != null && location.getLineNumber() > 0) {
            where.put("line", location.getLineNumber());
            where.put("column", location.getColumnNumber());
            detail += " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        }
        if (message != null) {
            detail += ": " + message;
        }
        return new ProblemException(
                400, "malformed-json", "Malformed JSON", detail, List.of(new Violation("body", detail)), where);
    }
}

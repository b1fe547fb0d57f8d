package dev.baton.infrastructure.json;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and prints JSON; malformed input becomes a 400 problem naming the line and column. */
public final class JsonDocuments {

    /** Parsson's switch for refusing {"a":1,"a":2}; other providers ignore unknown settings. */
    static final String REJECT_DUPLICATE_KEYS = "org.eclipse.parsson.rejectDuplicateKeys";

    private static final JsonParserFactory STRICT = Json.createParserFactory(Map.of(REJECT_DUPLICATE_KEYS, true));

    // Factories, because every Json.createReader/createWriter/createObjectBuilder call looks the provider
    // up again with a ServiceLoader (a class-path scan): about a tenth of the server's CPU per task.
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private JsonDocuments() {}

    public static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("body", "a JSON document is required");
        }
        return parse(new StringReader(text));
    }

    /**
     * Parses exactly one JSON document. Trailing content, duplicate member names and input beyond the
     * parser's limits (nesting depth, number length) are malformed JSON too, never a server error.
     */
    public static JsonValue parse(Reader reader) {
        try (JsonParser parser = STRICT.createParser(reader)) {
            try {
                return readSingleValue(parser);
            } catch (JsonParsingException e) {
                throw malformed(e.getMessage(), e.getLocation());
            } catch (RuntimeException e) {
                // JsonException (duplicate key, I/O) and the parser's limit errors, which are plain
                // RuntimeExceptions in Parsson: all caused by the input, none by the server.
                throw malformed(e.getMessage(), locationOf(parser));
            }
        }
    }

    private static JsonValue readSingleValue(JsonParser parser) {
        if (!parser.hasNext()) {
            throw new JsonParsingException("no JSON value", parser.getLocation());
        }
        parser.next();
        JsonValue value = parser.getValue();
        if (parser.hasNext()) { // Parsson throws here itself; this guards a more lenient provider
            throw new JsonParsingException("unexpected content after the JSON value", parser.getLocation());
        }
        return value;
    }

    private static JsonLocation locationOf(JsonParser parser) {
        try {
            return parser.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Parses JSON stored by Baton itself (never malformed); null text stays null. */
    public static JsonValue parseStored(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader json = READERS.createReader(new StringReader(text))) {
            return json.readValue();
        }
    }

    public static String print(JsonValue value) {
        if (value == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    /** Object and array builders without the per-call provider lookup of {@code Json.createObjectBuilder()}. */
    public static JsonBuilderFactory builders() {
        return BUILDERS;
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

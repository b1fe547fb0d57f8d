package dev.baton.workflows.control;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.TypeRef;
import com.jayway.jsonpath.spi.json.JakartaJsonProvider;
import com.jayway.jsonpath.spi.mapper.MappingProvider;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code {$...}} JSONPath templates against a run's context
 * {@code {"input": {...}, "1": {"input": {...}, "output": {...}}, ...}}. Thread-safe; compiled paths are
 * cached.
 *
 * <ul>
 *   <li>A string that is exactly one template becomes the path's value with its JSON type; a missing path
 *       is JSON null.
 *   <li>Templates inside longer text are interpolated: strings without quotes, other values as compact
 *       JSON, a missing path as the empty string (a present JSON null as {@code null}).
 *   <li>Paths that may match several values ({@code $..x}, {@code [*]}, filters) give an array.
 * </ul>
 */
public final class Templates {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** Jayway over JSON-P values; never its json-smart default. Missing paths read as null. */
    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JakartaJsonProvider())
            .mappingProvider(new NoMapping())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final BoundedCache<String, JsonPath> paths = new BoundedCache<>(1_000);

    /**
     * Renders every string in {@code template} (objects and arrays recursively); null stays null.
     *
     * @throws IllegalArgumentException for a template {@link #problems(String)} reports
     */
    public JsonValue render(JsonValue template, JsonObject context) {
        if (template == null) {
            return null;
        }
        return switch (template.getValueType()) {
            case STRING -> renderString(((JsonString) template).getString(), context, template);
            case OBJECT -> {
                JsonObjectBuilder object = JsonDocuments.builders().createObjectBuilder();
                template.asJsonObject().forEach((key, value) -> object.add(key, render(value, context)));
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JsonDocuments.builders().createArrayBuilder();
                template.asJsonArray().forEach(value -> array.add(render(value, context)));
                yield array.build();
            }
            default -> template;
        };
    }

    /** Renders one string; same rules as {@link #render(JsonValue, JsonObject)}. */
    public JsonValue render(String template, JsonObject context) {
        return renderString(template, context, null);
    }

    private JsonValue renderString(String text, JsonObject context, JsonValue original) {
        if (!TemplateScanner.mayContainTemplate(text)) {
            return original != null ? original : JSON.createValue(text);
        }
        TemplateScanner.Scan scan = TemplateScanner.scan(text);
        if (!scan.problems().isEmpty()) {
            throw new IllegalArgumentException("bad template '" + text + "': " + String.join("; ", scan.problems()));
        }
        if (scan.singleExpression()) {
            JsonValue value = read(scan.parts().get(0).text(), context);
            return value == null ? JsonValue.NULL : value;
        }
        StringBuilder out = new StringBuilder();
        for (TemplateScanner.Part part : scan.parts()) {
            out.append(part.expression() ? interpolated(read(part.text(), context)) : part.text());
        }
        return JSON.createValue(out.toString());
    }

    private static String interpolated(JsonValue value) {
        if (value == null) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return JsonDocuments.print(value);
    }

    /**
     * The value at {@code path} ({@code $...}, Orchy's {@code $1.x} accepted), or null when missing.
     *
     * @throws IllegalArgumentException when the path does not compile
     */
    public JsonValue read(String path, JsonObject context) {
        String normalised = TemplateScanner.normalise(path);
        JsonPath compiled;
        try {
            compiled = compile(normalised);
        } catch (InvalidPathException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("bad JSONPath '" + normalised + "': " + e.getMessage(), e);
        }
        return toJson(compiled.read(context, JAYWAY));
    }

    /** What is wrong with the templates in {@code text} (unclosed braces, bad JSONPath); empty when fine. */
    public List<String> problems(String text) {
        if (!TemplateScanner.mayContainTemplate(text)) {
            return List.of();
        }
        TemplateScanner.Scan scan = TemplateScanner.scan(text);
        List<String> problems = new ArrayList<>(scan.problems());
        for (TemplateScanner.Part part : scan.parts()) {
            if (part.expression()) {
                pathProblem(part.text()).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private Optional<String> pathProblem(String path) {
        if (!TemplateScanner.balanced(path)) {
            return Optional.of("bad JSONPath '" + path + "': unbalanced brackets, parentheses or quotes");
        }
        try {
            compile(path);
            return Optional.empty();
        } catch (InvalidPathException | StringIndexOutOfBoundsException e) {
            return Optional.of("bad JSONPath '" + path + "': " + e.getMessage());
        }
    }

    private JsonPath compile(String path) {
        return paths.get(path, JsonPath::compile);
    }

    /**
     * The switch key of a value: strings as they are, numbers by their JSON text ({@code 200} is "200"),
     * booleans "true"/"false", objects and arrays as compact JSON; JSON null or missing is null.
     */
    public static String switchKey(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> JsonDocuments.print(value);
        };
    }

    /** Jayway's results: JSON-P values for single paths; lists, numbers or strings for many and functions. */
    static JsonValue toJson(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof JsonValue value) {
            return value;
        }
        if (result instanceof String string) {
            return JSON.createValue(string);
        }
        if (result instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (result instanceof Integer || result instanceof Long || result instanceof Short || result instanceof Byte) {
            return JSON.createValue(((Number) result).longValue());
        }
        if (result instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (result instanceof BigDecimal big) {
            return JSON.createValue(big);
        }
        if (result instanceof Number number) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? JSON.createValue(d) : JsonValue.NULL;
        }
        if (result instanceof Iterable<?> values) {
            JsonArrayBuilder array = JsonDocuments.builders().createArrayBuilder();
            values.forEach(v -> {
                JsonValue json = toJson(v);
                array.add(json == null ? JsonValue.NULL : json);
            });
            return array.build();
        }
        if (result instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JsonDocuments.builders().createObjectBuilder();
            map.forEach((k, v) -> {
                JsonValue json = toJson(v);
                object.add(String.valueOf(k), json == null ? JsonValue.NULL : json);
            });
            return object.build();
        }
        return JSON.createValue(result.toString());
    }

    /** Typed mapping is never used; refusing it keeps Jayway off json-smart and JSON-B. */
    private static final class NoMapping implements MappingProvider {
        @Override
        public <T> T map(Object source, Class<T> targetType, Configuration configuration) {
            throw new UnsupportedOperationException("typed JSONPath mapping is not used");
        }

        @Override
        public <T> T map(Object source, TypeRef<T> targetType, Configuration configuration) {
            throw new UnsupportedOperationException("typed JSONPath mapping is not used");
        }
    }
}

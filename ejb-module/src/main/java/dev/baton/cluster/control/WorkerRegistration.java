package dev.baton.cluster.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.integer;
import static dev.baton.infrastructure.json.RequestFields.range;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.infrastructure.json.RequestFields;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A worker's registration body: {@code {"name", "host", "handlers": [...], "threads"}}, validated. */
public record WorkerRegistration(String name, String host, Set<String> handlers, int threads) {

    static final Set<String> FIELDS = Set.of("name", "host", "handlers", "threads");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final Pattern HANDLER = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    static final int MAX_THREADS = 1024;
    static final int MAX_HANDLERS = 100;

    public static WorkerRegistration parse(String body) {
        JsonObject json = RequestFields.object(body);
        List<Violation> typeErrors = RequestFields.unknownFields(json, FIELDS);
        String name = text(json, "name", typeErrors);
        String host = text(json, "host", typeErrors);
        JsonNumber threads = integer(json, "threads", typeErrors);
        JsonValue handlerArray = json.get("handlers");
        if (handlerArray != null && handlerArray.getValueType() != JsonValue.ValueType.ARRAY) {
            typeErrors.add(new Violation("/handlers", "must be an array of strings, not " + describe(handlerArray)));
        }
        if (!typeErrors.isEmpty()) {
            throw ProblemException.malformed(typeErrors);
        }
        List<Violation> rules = new ArrayList<>();
        if (name == null) {
            rules.add(new Violation("/name", "is required"));
        } else if (!NAME.matcher(name).matches()) {
            rules.add(new Violation("/name", "must be 1-100 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (host != null && host.length() > 200) {
            rules.add(new Violation("/host", "must be at most 200 characters"));
        }
        range(rules, "/threads", threads, 1, MAX_THREADS);
        Set<String> handlers =
                handlerArray == null ? Set.of() : handlerNames(handlerArray.asJsonArray(), "/handlers", rules);
        if (handlerArray == null
                || (handlers.isEmpty()
                        && rules.stream().noneMatch(v -> v.field().startsWith("/handlers")))) {
            rules.add(new Violation("/handlers", "is required: at least one handler name"));
        }
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        return new WorkerRegistration(name, host, handlers, threads == null ? 1 : threads.intValue());
    }

    /** Validates handler names (from a JSON array or a query parameter), adding violations under {@code field}. */
    public static Set<String> handlerNames(Iterable<? extends JsonValue> values, String field, List<Violation> rules) {
        Set<String> names = new LinkedHashSet<>();
        int index = 0;
        for (JsonValue value : values) {
            if (!(value instanceof JsonString s)) {
                rules.add(new Violation(field + "/" + index, "must be a string, not " + describe(value)));
            } else if (!HANDLER.matcher(s.getString()).matches()) {
                rules.add(new Violation(field + "/" + index, "must be 1-200 characters of A-Z a-z 0-9 . _ : -"));
            } else {
                names.add(s.getString());
            }
            index++;
        }
        if (names.size() > MAX_HANDLERS) {
            rules.add(new Violation(field, "at most " + MAX_HANDLERS + " handlers"));
        }
        return names;
    }

    /** Handler names given as a comma-separated query parameter; 400 naming the parameter when bad. */
    public static Set<String> handlerNames(String commaSeparated, String parameter) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!HANDLER.matcher(name).matches()) {
                throw ProblemException.badRequest(
                        parameter, "'" + name + "' is not a handler name (1-200 characters of A-Z a-z 0-9 . _ : -)");
            }
            names.add(name);
        }
        if (names.size() > MAX_HANDLERS) {
            throw ProblemException.badRequest(parameter, "at most " + MAX_HANDLERS + " handlers");
        }
        return names;
    }
}

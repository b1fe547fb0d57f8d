package dev.baton.cluster.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.infrastructure.json.RequestFields;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command to send: {@code {"command": "reload-workspace", "target": "all", "args": {...}}}. Targets:
 * {@code all}, {@code nodes}, {@code workers}, {@code node:<name>}, {@code worker:<id>}.
 */
public record CommandRequest(String command, String target, JsonObject args) {

    static final Set<String> FIELDS = Set.of("command", "target", "args");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    static final Pattern TARGET = Pattern.compile("all|nodes|workers|node:.{1,200}|worker:.{1,36}");

    public static CommandRequest parse(String body) {
        JsonObject json = RequestFields.object(body);
        List<Violation> errors = RequestFields.unknownFields(json, FIELDS);
        String command = text(json, "command", errors);
        String target = text(json, "target", errors);
        JsonValue args = json.get("args");
        if (args != null
                && args.getValueType() != JsonValue.ValueType.OBJECT
                && args.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new Violation("/args", "must be an object, not " + describe(args)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.malformed(errors);
        }
        List<Violation> rules = new ArrayList<>();
        if (command == null) {
            rules.add(new Violation("/command", "is required"));
        } else if (!NAME.matcher(command).matches()) {
            rules.add(new Violation(
                    "/command", "must be 1-100 characters of a-z 0-9 . _ - (starting with a letter or digit)"));
        }
        String to = target == null ? "all" : target;
        if (!TARGET.matcher(to).matches()) {
            rules.add(new Violation("/target", "must be all, nodes, workers, node:<name> or worker:<id>"));
        }
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        JsonObject arguments = args == null || args.getValueType() == JsonValue.ValueType.NULL
                ? JsonValue.EMPTY_JSON_OBJECT
                : args.asJsonObject();
        return new CommandRequest(command, to, arguments);
    }

    public boolean reachesNodes() {
        return target.equals("all") || target.equals("nodes") || target.startsWith("node:");
    }

    public boolean reachesWorkers() {
        return target.equals("all") || target.equals("workers") || target.startsWith("worker:");
    }
}

package dev.baton.activities.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.integer;
import static dev.baton.infrastructure.json.RequestFields.pointer;
import static dev.baton.infrastructure.json.RequestFields.range;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.activities.entity.PluginCompletion;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plugin's registration with an activity, parsed from {@code {"name", "stage", "order", "handler",
 * "filter", "timeoutSeconds", "optional", "completion"}}: 400 for malformed JSON, wrong types and unknown fields, 422
 * for broken rules (each naming its JSON pointer, or {@code activity} for the activity name of the path).
 * The filter is compiled here, so a registration that parses has a valid selector.
 *
 * @param order the position in a sequential stage; always null for {@link PluginStage#PARALLEL}
 * @param filter the selector text, null when absent or blank (matches every run)
 * @param completion what ends the plugin: its handler (the default) or its own report
 */
public record PluginRegistration(
        String activity,
        String name,
        PluginStage stage,
        Integer order,
        String handler,
        String filter,
        Integer timeoutSeconds,
        boolean optional,
        PluginCompletion completion) {

    /** Activity and plugin names: they appear in URLs and JMS properties. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public static final int MAX_HANDLER = 200;
    public static final int MAX_TIMEOUT_SECONDS = 86_400;

    private static final Set<String> FIELDS =
            Set.of("name", "stage", "order", "handler", "filter", "timeoutSeconds", "optional", "completion");

    /** The rule for activity names, as a violation of the path parameter {@code activity}; null when valid. */
    public static Violation checkActivity(String activity) {
        if (activity == null || !NAME.matcher(activity).matches()) {
            return new Violation("activity", "must be 1 to 100 of A-Z a-z 0-9 . _ - (was " + shown(activity) + ")");
        }
        return null;
    }

    public static PluginRegistration parse(String activity, String body) {
        JsonObject json = object(body);
        List<Violation> typeErrors = new ArrayList<>();
        unknownFields(json, FIELDS, typeErrors);
        String name = text(json, "name", typeErrors);
        String stageText = text(json, "stage", typeErrors);
        JsonNumber order = integer(json, "order", typeErrors);
        String handler = text(json, "handler", typeErrors);
        String filter = text(json, "filter", typeErrors);
        JsonNumber timeout = integer(json, "timeoutSeconds", typeErrors);
        Boolean optional = bool(json, "optional", typeErrors);
        String completionText = text(json, "completion", typeErrors);
        throwIfAny400(typeErrors);

        List<Violation> rules = new ArrayList<>();
        Violation badActivity = checkActivity(activity);
        if (badActivity != null) {
            rules.add(badActivity);
        }
        checkName(name, rules);
        PluginStage stage = null;
        if (stageText == null) {
            rules.add(new Violation("/stage", "is required: one of pre, parallel, post"));
        } else {
            try {
                stage = PluginStage.valueOf(stageText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                rules.add(new Violation("/stage", "must be one of pre, parallel, post (was " + shown(stageText) + ")"));
            }
        }
        if (stage != null && stage.sequential() && order == null) {
            rules.add(
                    new Violation("/order", "is required for a " + stage.json() + " plugin (its place in the stage)"));
        }
        if (stage != null && stage.sequential()) {
            range(rules, "/order", order, 0, Integer.MAX_VALUE);
        }
        if (handler == null || handler.isBlank()) {
            rules.add(new Violation("/handler", "is required: the Baton handler that runs the plugin"));
        } else if (handler.length() > MAX_HANDLER) {
            rules.add(new Violation("/handler", "must be at most " + MAX_HANDLER + " characters"));
        }
        if (filter != null && filter.isBlank()) {
            filter = null;
        }
        if (filter != null) {
            try {
                Selector.compile(filter);
            } catch (SelectorSyntaxException e) {
                rules.add(new Violation("/filter", e.getMessage()));
            }
        }
        range(rules, "/timeoutSeconds", timeout, 1, MAX_TIMEOUT_SECONDS);
        PluginCompletion completion = PluginCompletion.HANDLER;
        if (completionText != null) {
            try {
                completion = PluginCompletion.valueOf(completionText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                rules.add(new Violation(
                        "/completion", "must be one of handler, report (was " + shown(completionText) + ")"));
            }
        }
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        return new PluginRegistration(
                activity,
                name,
                stage,
                stage.sequential() ? order.intValueExact() : null,
                handler,
                filter,
                timeout == null ? null : timeout.intValueExact(),
                Boolean.TRUE.equals(optional),
                completion);
    }

    /** The plugin name of a deregistration body {@code {"name": "..."}} (JMS). */
    public static String parseName(String body) {
        JsonObject json = object(body);
        List<Violation> typeErrors = new ArrayList<>();
        unknownFields(json, Set.of("name"), typeErrors);
        String name = text(json, "name", typeErrors);
        throwIfAny400(typeErrors);
        List<Violation> rules = new ArrayList<>();
        checkName(name, rules);
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        return name;
    }

    /** The body as a JSON object (400 otherwise). */
    static JsonObject object(String body) {
        JsonValue document = JsonDocuments.parse(body);
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("body", "must be a JSON object, not " + describe(document));
        }
        return document.asJsonObject();
    }

    static void unknownFields(JsonObject json, Set<String> known, List<Violation> errors) {
        json.keySet().stream()
                .filter(f -> !known.contains(f))
                .forEach(f -> errors.add(new Violation(
                        pointer(f),
                        "unknown field (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ")")));
    }

    static void throwIfAny400(List<Violation> typeErrors) {
        if (!typeErrors.isEmpty()) {
            String detail = typeErrors.stream()
                    .map(v -> v.field() + ": " + v.message())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            throw new ProblemException(400, "bad-request", "Malformed request", detail, typeErrors, Map.of());
        }
    }

    private static void checkName(String name, List<Violation> rules) {
        if (name == null || name.isEmpty()) {
            rules.add(new Violation("/name", "is required: the plugin's name, unique in the activity"));
        } else if (!NAME.matcher(name).matches()) {
            rules.add(new Violation("/name", "must be 1 to 100 of A-Z a-z 0-9 . _ - (was " + shown(name) + ")"));
        }
    }

    /** A value quoted for a message, cut short when long (messages end up in logs and JMS properties). */
    private static String shown(String value) {
        if (value == null) {
            return "absent";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }

    private static Boolean bool(JsonObject json, String field, List<Violation> errors) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        errors.add(new Violation(pointer(field), "must be a boolean, not " + describe(value)));
        return null;
    }
}

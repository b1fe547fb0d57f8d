package dev.baton.cluster.control;

import static dev.baton.infrastructure.json.RequestFields.describe;
import static dev.baton.infrastructure.json.RequestFields.integer;
import static dev.baton.infrastructure.json.RequestFields.range;
import static dev.baton.infrastructure.json.RequestFields.text;

import dev.baton.handlers.scripts.ScriptOutput;
import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.infrastructure.json.RequestFields;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a remote worker reports about a task it runs: {@code complete} ({@code lease}, {@code result}),
 * {@code fail} ({@code lease}, {@code error}, {@code timedOut}) or {@code progress} ({@code lease},
 * {@code percent}, {@code message}). {@code outcome} is null for progress.
 */
public record WorkerReport(int lease, HandlerOutcome outcome, Integer percent, String message) {

    public enum Kind {
        COMPLETE(Set.of("lease", "result")),
        FAIL(Set.of("lease", "error", "timedOut")),
        PROGRESS(Set.of("lease", "percent", "message"));

        final Set<String> fields;

        Kind(Set<String> fields) {
            this.fields = fields;
        }

        /** The kind named by the last path segment; 404 for anything else. */
        public static Kind of(String segment) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(segment)) {
                    return kind;
                }
            }
            throw new ProblemException(
                    404, "not-found", "Not found", "no report '" + segment + "'; use complete, fail or progress");
        }
    }

    static final int MAX_MESSAGE = 1000;
    static final int MAX_ERROR = 64 * 1024;

    public static WorkerReport parse(Kind kind, String body) {
        JsonObject json = RequestFields.object(body);
        List<Violation> errors = RequestFields.unknownFields(json, kind.fields);
        Integer lease = lease(json.get("lease"), errors);
        String error = text(json, "error", errors);
        String message = text(json, "message", errors);
        JsonNumber percent = integer(json, "percent", errors);
        JsonValue timedOut = json.get("timedOut");
        if (timedOut != null
                && timedOut.getValueType() != JsonValue.ValueType.TRUE
                && timedOut.getValueType() != JsonValue.ValueType.FALSE) {
            errors.add(new Violation("/timedOut", "must be a boolean, not " + describe(timedOut)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.malformed(errors);
        }
        List<Violation> rules = new ArrayList<>();
        range(rules, "/percent", percent, 0, 100);
        if (message != null && message.length() > MAX_MESSAGE) {
            rules.add(new Violation("/message", "must be at most " + MAX_MESSAGE + " characters"));
        }
        if (kind == Kind.FAIL && (error == null || error.isBlank())) {
            rules.add(new Violation("/error", "is required: what went wrong"));
        }
        if (!rules.isEmpty()) {
            throw ProblemException.invalid(rules);
        }
        return switch (kind) {
            case COMPLETE -> new WorkerReport(
                    lease, ScriptOutput.outcomeOf(json.getOrDefault("result", JsonValue.NULL)), null, null);
            case FAIL -> new WorkerReport(
                    lease,
                    timedOut == JsonValue.TRUE
                            ? HandlerOutcome.timeout(tail(error))
                            : HandlerOutcome.failure(tail(error)),
                    null,
                    null);
            case PROGRESS -> new WorkerReport(lease, null, percent == null ? null : percent.intValue(), message);
        };
    }

    private static String tail(String error) {
        return error.length() > MAX_ERROR ? error.substring(error.length() - MAX_ERROR) : error;
    }

    /** The lease as handed out ({@code "3"}); a bare integer is accepted too. */
    private static Integer lease(JsonValue value, List<Violation> errors) {
        if (value instanceof JsonString s) {
            try {
                return Integer.valueOf(s.getString());
            } catch (NumberFormatException e) {
                errors.add(new Violation("/lease", "is not a lease this server handed out: '" + s.getString() + "'"));
                return null;
            }
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        errors.add(new Violation(
                "/lease",
                value == null ? "is required (from the polled task)" : "must be a string, not " + describe(value)));
        return null;
    }
}

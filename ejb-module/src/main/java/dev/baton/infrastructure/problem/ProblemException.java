package dev.baton.infrastructure.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A client mistake. The REST layer turns it into {@code application/problem+json} with
 * {@link #status()}; JMS consumers dead-letter the message with {@link #getMessage()} as the reason.
 * It does not roll back the caller's transaction by itself ({@code rollback = true} would hide the
 * idempotent cases), so boundaries throw it before changing anything.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<Violation> violations,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " '" + id + "' does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail);
    }

    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new ProblemException(422, "validation", "The request breaks a rule", detail, violations, Map.of());
    }

    /** A 400 listing every malformed part of a request (unknown fields, wrong types). */
    public static ProblemException malformed(List<Violation> violations) {
        String detail = violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("malformed request");
        return new ProblemException(400, "bad-request", "Malformed request", detail, violations, Map.of());
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400,
                "bad-request",
                "Malformed request",
                field + ": " + message,
                List.of(new Violation(field, message)),
                Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}

package dev.baton.sdk;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Baton answered an HTTP error: the RFC 9457 problem document ({@code application/problem+json}) as
 * {@link #status()}, {@link #type()}, {@link #title()}, {@link #detail()} and the whole {@link #problem()}
 * (with e.g. {@code errors} or {@code knownHandlers}). An error answer that is no problem document keeps
 * its status and its body text as the detail.
 */
public class BatonProblemException extends BatonException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient JsonObject problem;

    public BatonProblemException(int status, String type, String title, String detail, JsonObject problem) {
        super(status + " " + (type == null ? "" : type + " ") + (detail != null ? detail : title != null ? title : ""));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.problem = problem == null ? JsonValue.EMPTY_JSON_OBJECT : problem;
    }

    /** Reads the problem out of an error answer. */
    static BatonProblemException of(int status, String body) {
        JsonObject problem = JsonCodec.parseObject(body);
        if (problem == null) {
            String text = body == null || body.isBlank() ? null : JsonCodec.abbreviate(body.strip());
            return new BatonProblemException(status, null, null, text, null);
        }
        return new BatonProblemException(
                status,
                JsonCodec.text(problem, "type"),
                JsonCodec.text(problem, "title"),
                JsonCodec.text(problem, "detail"),
                problem);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem type URI (e.g. {@code https://baton.dev/problems/validation}), or null. */
    public String type() {
        return type;
    }

    /** The last segment of the type (e.g. {@code lease-lost}, {@code unknown-handler}), or null. */
    public String typeName() {
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The whole problem document (empty when the answer had none). */
    public JsonObject problem() {
        return problem;
    }
}

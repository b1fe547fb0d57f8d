package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://baton.dev/problems/";

    private Problems() {}

    public static Response of(ProblemException problem, String instance) {
        JsonObjectBuilder json =
                base(problem.status(), problem.type(), problem.title(), problem.getMessage(), instance);
        if (!problem.violations().isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (Violation v : problem.violations()) {
                errors.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message()));
            }
            json.add("errors", errors);
        }
        for (Map.Entry<String, Object> e : problem.extensions().entrySet()) {
            Object value = e.getValue();
            if (value instanceof Number n) {
                json.add(e.getKey(), n.longValue());
            } else if (value instanceof Iterable<?> items) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                items.forEach(item -> array.add(String.valueOf(item)));
                json.add(e.getKey(), array);
            } else {
                json.add(e.getKey(), String.valueOf(value));
            }
        }
        return build(problem.status(), json);
    }

    public static Response of(int status, String type, String title, String detail, String instance) {
        return build(status, base(status, type, title, detail, instance));
    }

    /** The problem document alone, for answers written outside JAX-RS. */
    public static String json(int status, String type, String title, String detail, String instance) {
        return base(status, type, title, detail, instance).build().toString();
    }

    private static JsonObjectBuilder base(int status, String type, String title, String detail, String instance) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        return json;
    }

    private static Response build(int status, JsonObjectBuilder json) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(json.build().toString())
                .build();
    }
}

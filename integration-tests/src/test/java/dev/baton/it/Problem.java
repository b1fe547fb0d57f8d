package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Assertions on RFC 9457 {@code application/problem+json} answers. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    /**
     * Asserts that {@code reply} is a problem document with {@code status} (in the HTTP status line and
     * the body) and returns the document.
     */
    public static JsonObject assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith(MEDIA_TYPE);
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).as(reply.toString()).isEqualTo(status);
        assertThat(problem.getString("type")).as(reply.toString()).startsWith("https://baton.dev/problems/");
        assertThat(problem.getString("title")).as(reply.toString()).isNotBlank();
        return problem;
    }

    /** The {@code field} of every entry in the problem's {@code errors}. */
    public static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .map(error -> error.getString("field"))
                .toList();
    }

    /** The strings of an array member, e.g. {@code knownHandlers}. */
    public static List<String> strings(JsonObject problem, String member) {
        return problem.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}

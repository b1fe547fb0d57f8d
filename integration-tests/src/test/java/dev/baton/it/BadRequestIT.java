package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad requests beyond the body's content: media types, oversized bodies, unknown ids, bad query
 * parameters, unknown paths and wrong methods. Each is a problem+json answer, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
class BadRequestIT {

    /** baton.maxRequestBytes' default. */
    private static final int LIMIT = 10 * 1024 * 1024;

    private static final byte[] NOOP = "{\"handler\":\"noop\"}".getBytes(StandardCharsets.UTF_8);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();

    @Test
    void onlyJsonIsAccepted() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
            JsonObject problem =
                    assertProblem(api.post(Tasks.BASE, type, HttpRequest.BodyPublishers.ofByteArray(NOOP)), 415);
            assertThat(problem.getString("type")).as(type).endsWith("/http-415");
        }
        assertProblem(api.post(Tasks.BASE, null, HttpRequest.BodyPublishers.ofByteArray(NOOP)), 415);
    }

    @Test
    void anUnparsableContentTypeIs400() {
        assertProblem(api.post(Tasks.BASE, "%%%", HttpRequest.BodyPublishers.ofByteArray(NOOP)), 400);
    }

    @Test
    void aBodyOverTheLimitWithContentLengthIs413() {
        byte[] body = new byte[LIMIT + 1];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(NOOP, 0, body, 0, NOOP.length);

        JsonObject problem = assertProblem(
                api.post(Tasks.BASE, "application/json", HttpRequest.BodyPublishers.ofByteArray(body)), 413);

        assertThat(problem.getString("detail")).contains(Integer.toString(LIMIT));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        // ofInputStream has no length: the client sends Transfer-Encoding: chunked, no Content-Length
        JsonObject problem = assertProblem(
                api.post(
                        Tasks.BASE,
                        "application/json",
                        HttpRequest.BodyPublishers.ofInputStream(() -> jsonStringOfSize(LIMIT + 1024))),
                413);

        assertThat(problem.getString("detail")).contains(Integer.toString(LIMIT));
    }

    @Test
    void unknownTaskIdIs404ForEveryOperation() {
        String id = UUID.randomUUID().toString();

        for (Api.Reply reply : new Api.Reply[] {
            api.get(Tasks.BASE + "/" + id),
            api.get(Tasks.BASE + "/" + id + "/result"),
            api.post(Tasks.BASE + "/" + id + "/cancel"),
            api.post(Tasks.BASE + "/" + id + "/retry"),
            api.delete(Tasks.BASE + "/" + id)
        }) {
            JsonObject problem = assertProblem(reply, 404);
            assertThat(problem.getString("detail")).contains(id);
        }
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        String[][] cases = {
            {"limit=abc", "limit"},
            {"limit=0", "limit"},
            {"limit=1001", "limit"},
            {"limit=99999999999999999999", "limit"},
            {"status=NOPE", "status"},
            {"priorityMin=high", "priorityMin"},
            {"priorityMin=101", "priorityMin"},
            {"handler=" + "h".repeat(201), "handler"},
            {"cursor=" + "c".repeat(37), "cursor"}
        };
        for (String[] c : cases) {
            JsonObject problem = assertProblem(api.get(Tasks.BASE + "?" + c[0]), 400);
            assertThat(fields(problem)).as(c[0]).containsExactly(c[1]);
        }
    }

    @Test
    void badWaitParametersAre400() {
        String id = Tasks.of(api).submitId("{\"handler\":\"noop\"}");

        for (String wait : new String[] {"-1", "abc", "301", "99999999999"}) {
            JsonObject submit = assertProblem(api.post(Tasks.BASE + "?wait=" + wait, "{\"handler\":\"noop\"}"), 400);
            JsonObject result = assertProblem(api.get(Tasks.BASE + "/" + id + "/result?wait=" + wait), 400);
            assertThat(fields(submit)).as(wait).containsExactly("wait");
            assertThat(fields(result)).as(wait).containsExactly("wait");
        }
    }

    @Test
    void unknownPathsAre404Problems() {
        for (String path : new String[] {"/api/nope", "/api/tasks/x/y/z", "/api/handlers/noop/more", "/nope"}) {
            assertProblem(api.get(path), 404);
        }
    }

    @Test
    void wrongMethodsAre405ProblemsWithAllow() {
        String id = UUID.randomUUID().toString();

        Api.Reply put = api.method("PUT", Tasks.BASE);
        assertProblem(put, 405);
        assertThat(put.header("Allow")).contains("GET", "POST");
        assertProblem(api.method("PATCH", Tasks.BASE + "/" + id), 405);
        assertProblem(api.get(Tasks.BASE + "/" + id + "/cancel"), 405);
        assertProblem(api.delete("/api/handlers"), 405);
        assertProblem(api.post("/api/queues"), 405);
    }

    @Test
    void unsupportedAcceptIs406() {
        Api.Reply reply =
                api.send(api.request(Tasks.BASE).header("Accept", "text/html").GET());

        assertProblem(reply, 406);
    }

    /** {@code {"handler":"noop","params":{"s":"aaaa...} } of exactly {@code size} bytes, generated on the fly. */
    private static InputStream jsonStringOfSize(long size) {
        byte[] head = "{\"handler\":\"noop\",\"params\":{\"s\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                long p = position++;
                if (p < head.length) {
                    return head[(int) p];
                }
                long fromEnd = size - p;
                return fromEnd <= tail.length ? tail[tail.length - (int) fromEnd] : 'a';
            }
        };
    }
}

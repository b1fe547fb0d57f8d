package dev.baton.it;

import static dev.baton.it.Problem.assertProblem;
import static dev.baton.it.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A repeated submission with the same idempotency key (header {@code Idempotency-Key} or body field
 * {@code idempotencyKey}) answers 200 with the task the first one created (202), per user.
 */
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT {

    private static final String HEADER = "Idempotency-Key";
    private static final String NOOP = "{\"handler\":\"noop\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    private final Api api = Api.admin();

    @Test
    void sameHeaderKeyTwiceAnswersTheFirstTask() {
        String key = Tasks.unique("header");

        Api.Reply first = api.post(Tasks.BASE, NOOP, HEADER, key);
        Api.Reply second = api.post(Tasks.BASE, NOOP, HEADER, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        String id = first.json().getString("id");
        assertThat(second.json().getString("id")).isEqualTo(id);
        assertThat(second.json().getString("idempotencyKey")).isEqualTo(key);
        assertThat(second.header("Location"))
                .isEqualTo(first.header("Location"))
                .endsWith("/api/tasks/" + id);
    }

    @Test
    void sameBodyKeyTwiceAnswersTheFirstTask() {
        String key = Tasks.unique("body");
        String json = "{\"handler\":\"noop\",\"idempotencyKey\":\"" + key + "\"}";

        Api.Reply first = api.post(Tasks.BASE, json);
        Api.Reply second = api.post(Tasks.BASE, json);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertThat(first.json().getString("idempotencyKey")).isEqualTo(key);
    }

    @Test
    void headerAndBodyNameTheSameKey() {
        String key = Tasks.unique("either");

        Api.Reply viaBody = api.post(Tasks.BASE, "{\"handler\":\"noop\",\"idempotencyKey\":\"" + key + "\"}");
        Api.Reply viaHeader = api.post(Tasks.BASE, NOOP, HEADER, key);
        Api.Reply viaBoth =
                api.post(Tasks.BASE, "{\"handler\":\"noop\",\"idempotencyKey\":\"" + key + "\"}", HEADER, key);

        assertThat(viaBody.status()).as(viaBody.toString()).isEqualTo(202);
        String id = viaBody.json().getString("id");
        assertThat(List.of(viaHeader, viaBoth)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().getString("id")).isEqualTo(id);
        });
    }

    @Test
    void headerAndBodyDisagreeingIs400AndCreatesNothing() {
        String headerKey = Tasks.unique("header");
        String bodyKey = Tasks.unique("body");

        JsonObject problem = assertProblem(
                api.post(
                        Tasks.BASE, "{\"handler\":\"noop\",\"idempotencyKey\":\"" + bodyKey + "\"}", HEADER, headerKey),
                400);

        assertThat(fields(problem)).containsExactly(HEADER);
        assertThat(api.post(Tasks.BASE, NOOP, HEADER, headerKey).status()).isEqualTo(202);
        assertThat(api.post(Tasks.BASE, NOOP, HEADER, bodyKey).status()).isEqualTo(202);
    }

    @Test
    void keysArePerUser() {
        String key = Tasks.unique("shared");
        Api submitter = Api.as("submitter", "submitter");

        Api.Reply mine = api.post(Tasks.BASE, NOOP, HEADER, key);
        Api.Reply theirs = submitter.post(Tasks.BASE, NOOP, HEADER, key);
        Api.Reply theirsAgain = submitter.post(Tasks.BASE, NOOP, HEADER, key);

        assertThat(mine.status()).as(mine.toString()).isEqualTo(202);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(202);
        assertThat(theirs.json().getString("id")).isNotEqualTo(mine.json().getString("id"));
        assertThat(theirs.json().getString("user")).isEqualTo("submitter");
        assertThat(theirsAgain.status()).isEqualTo(200);
        assertThat(theirsAgain.json().getString("id")).isEqualTo(theirs.json().getString("id"));
    }

    @Test
    void concurrentSubmissionsWithOneKeyCreateOneTask() {
        String key = Tasks.unique("race");
        List<Api.Reply> answers = Parallel.times(8, i -> api.post(Tasks.BASE, NOOP, HEADER, key));

        assertThat(answers).extracting(Api.Reply::status).containsOnly(200, 202).containsOnlyOnce(202);
        assertThat(answers)
                .extracting(reply -> reply.json().getString("id"))
                .containsOnly(answers.get(0).json().getString("id"));
    }
}

package dev.baton.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBatchParserTest {

    @Test
    void parsesEveryTaskInOrder() {
        List<TaskRequest> requests = TaskBatchParser.parse(
                "{\"tasks\":[{\"handler\":\"noop\"},{\"handler\":\"echo\",\"priority\":90,\"idempotencyKey\":\"k\"}]}");
        assertThat(requests).extracting(TaskRequest::handler).containsExactly("noop", "echo");
        assertThat(requests.get(1).priority()).isEqualTo(90);
        assertThat(requests.get(1).idempotencyKey()).isEqualTo("k");
    }

    @Test
    void reportsEveryBadTaskWithItsPlace() {
        ProblemException rules = problem(
                "{\"tasks\":[{\"handler\":\"noop\"},{\"handler\":\"noop\",\"priority\":101}," + "{\"priority\":5}]}");
        assertThat(rules.status()).isEqualTo(422);
        assertThat(fields(rules)).containsExactly("/tasks/1/priority", "/tasks/2/handler");

        ProblemException malformed = problem("{\"tasks\":[{\"handler\":\"noop\",\"color\":1},{\"priority\":500}]}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).contains("/tasks/0/color");
    }

    @Test
    void theBatchItselfMustBeAnArrayOfOneToAThousandWithoutRepeatedKeys() {
        assertThat(problem("[]").status()).isEqualTo(400);
        assertThat(problem("{\"tasks\":{}}").status()).isEqualTo(400);
        assertThat(problem("{\"tasks\":[],\"x\":1}").status()).isEqualTo(400);
        assertThat(fields(problem("{\"tasks\":[]}"))).containsExactly("/tasks");
        String many = "{\"tasks\":[" + "{\"handler\":\"noop\"},".repeat(TaskBatchParser.MAX_TASKS)
                + "{\"handler\":\"noop\"}]}";
        assertThat(problem(many).status()).isEqualTo(422);
        assertThat(
                        fields(
                                problem(
                                        "{\"tasks\":[{\"handler\":\"noop\",\"idempotencyKey\":\"a\"},{\"handler\":\"noop\",\"idempotencyKey\":\"a\"}]}")))
                .containsExactly("/tasks/1/idempotencyKey");
        assertThat(problem("{\"tasks\":[1]}").status()).isEqualTo(400);
    }

    private static ProblemException problem(String body) {
        ProblemException e = catchThrowableOfType(() -> TaskBatchParser.parse(body), ProblemException.class);
        assertThat(e).as("a problem for " + body).isNotNull();
        return e;
    }

    private static List<String> fields(ProblemException e) {
        return e.violations().stream().map(Violation::field).toList();
    }
}

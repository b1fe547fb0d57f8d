package dev.baton.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.handlers.spi.HandlerOutcome;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerProtocolParsingTest {

    @Test
    void aRegistrationNeedsANameAndHandlersAndDefaultsToOneThread() {
        WorkerRegistration r = WorkerRegistration.parse("{\"name\":\"w-1\",\"handlers\":[\"resize\",\"thumb.v2\"]}");
        assertThat(r.threads()).isEqualTo(1);
        assertThat(r.handlers()).containsExactly("resize", "thumb.v2");
        assertThat(r.host()).isNull();

        assertThat(fields(() -> WorkerRegistration.parse("{\"handlers\":[]}"))).containsExactly("/name", "/handlers");
        assertThat(fields(
                        () -> WorkerRegistration.parse("{\"name\":\"a b\",\"handlers\":[\"x'y\",3],\"threads\":2000}")))
                .containsExactlyInAnyOrder("/name", "/handlers/0", "/handlers/1", "/threads");
        assertThat(status(() -> WorkerRegistration.parse("{\"name\":\"w\",\"handlers\":\"x\"}")))
                .isEqualTo(400);
        assertThat(status(() -> WorkerRegistration.parse("[1]"))).isEqualTo(400);
        assertThat(status(() -> WorkerRegistration.parse("{\"name\":\"w\",\"handlers\":[\"x\"],\"extra\":1}")))
                .isEqualTo(400);
    }

    @Test
    void handlerNamesFromAQueryParameter() {
        assertThat(WorkerRegistration.handlerNames("a, b.c,,a", "handlers")).containsExactly("a", "b.c");
        assertThat(fields(() -> WorkerRegistration.handlerNames("ok,'; DROP", "handlers")))
                .containsExactly("handlers");
    }

    @Test
    void reportsCarryALeaseAndTheirOutcome() {
        WorkerReport complete =
                WorkerReport.parse(WorkerReport.Kind.COMPLETE, "{\"lease\":\"7\",\"result\":{\"a\":1}}");
        assertThat(complete.lease()).isEqualTo(7);
        assertThat(complete.outcome()).isInstanceOf(HandlerOutcome.Success.class);

        WorkerReport split = WorkerReport.parse(
                WorkerReport.Kind.COMPLETE, "{\"lease\":3,\"result\":{\"$split\":[{\"handler\":\"echo\"}]}}");
        assertThat(split.outcome()).isInstanceOf(HandlerOutcome.Split.class);

        WorkerReport fail =
                WorkerReport.parse(WorkerReport.Kind.FAIL, "{\"lease\":\"1\",\"error\":\"boom\",\"timedOut\":true}");
        assertThat(fail.outcome()).isEqualTo(new HandlerOutcome.Failure("boom", true));

        WorkerReport progress =
                WorkerReport.parse(WorkerReport.Kind.PROGRESS, "{\"lease\":\"1\",\"percent\":30,\"message\":\"m\"}");
        assertThat(progress.outcome()).isNull();
        assertThat(progress.percent()).isEqualTo(30);
        assertThat(progress.message()).isEqualTo("m");
    }

    @Test
    void badReportsNameTheField() {
        assertThat(fields(() -> WorkerReport.parse(WorkerReport.Kind.COMPLETE, "{\"result\":1}")))
                .containsExactly("/lease");
        assertThat(fields(() -> WorkerReport.parse(WorkerReport.Kind.COMPLETE, "{\"lease\":\"x\"}")))
                .containsExactly("/lease");
        assertThat(fields(() -> WorkerReport.parse(WorkerReport.Kind.FAIL, "{\"lease\":\"1\"}")))
                .containsExactly("/error");
        assertThat(fields(() -> WorkerReport.parse(WorkerReport.Kind.PROGRESS, "{\"lease\":\"1\",\"percent\":101}")))
                .containsExactly("/percent");
        assertThat(fields(() -> WorkerReport.parse(WorkerReport.Kind.PROGRESS, "{\"lease\":\"1\",\"result\":1}")))
                .containsExactly("/result");
        assertThat(status(() -> WorkerReport.Kind.of("explode"))).isEqualTo(404);
        assertThat(WorkerReport.Kind.of("Fail")).isEqualTo(WorkerReport.Kind.FAIL);
    }

    @Test
    void heartbeatsListRunningTaskIds() {
        assertThat(Heartbeats.running("")).isEmpty();
        assertThat(Heartbeats.running("{}")).isEmpty();
        assertThat(Heartbeats.running("{\"running\":[\"a\",\"b\"]}")).containsExactly("a", "b");
        assertThat(fields(() -> Heartbeats.running("{\"running\":[1]}"))).containsExactly("/running/0");
        assertThat(fields(() -> Heartbeats.running("{\"runing\":[]}"))).containsExactly("/runing");
    }

    @Test
    void theHandlerSelectorQuotesNames() {
        assertThat(Destinations.handlerSelector(List.of("a", "o'b"))).isEqualTo("baton_handler IN ('a', 'o''b')");
    }

    private static List<String> fields(Runnable parse) {
        try {
            parse.run();
        } catch (ProblemException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("no problem");
    }

    private static int status(Runnable parse) {
        assertThatThrownBy(parse::run).isInstanceOf(ProblemException.class);
        try {
            parse.run();
            return 0;
        } catch (ProblemException e) {
            return e.status();
        }
    }
}

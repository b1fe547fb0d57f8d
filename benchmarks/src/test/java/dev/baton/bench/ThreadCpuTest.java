package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void groupsWildFlyThreadsByTheirLinuxNames() {
        assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("GC and safepoints");
        assertThat(ThreadCpu.group("default task-12")).startsWith("HTTP requests");
        assertThat(ThreadCpu.group("default I/O-2")).startsWith("HTTP I/O");
        assertThat(ThreadCpu.group("Thread-3 (activ")).startsWith("dispatch consumers");
        assertThat(ThreadCpu.group("Thread-25 (acti")).startsWith("dispatch consumers");
        assertThat(ThreadCpu.group("Thread-1 (Activ")).startsWith("Artemis");
        assertThat(ThreadCpu.group("activemq-libaio")).startsWith("Artemis");
        assertThat(ThreadCpu.group("MSC service thr")).isEqualTo("other");
    }

    @Test
    void differenceSumsPerGroupLargestFirstAndCountsNewThreadsFromZero() {
        Map<String, ThreadCpu.Sample> before = Map.of(
                "1", new ThreadCpu.Sample("JIT compiler", 100),
                "2", new ThreadCpu.Sample("other", 50));
        Map<String, ThreadCpu.Sample> after = Map.of(
                "1", new ThreadCpu.Sample("JIT compiler", 130),
                "2", new ThreadCpu.Sample("other", 60),
                "3", new ThreadCpu.Sample("other", 40));

        Map<String, Double> groups = ThreadCpu.difference(before, after);

        assertThat(groups).containsExactly(Map.entry("other", 50.0), Map.entry("JIT compiler", 30.0));
    }
}

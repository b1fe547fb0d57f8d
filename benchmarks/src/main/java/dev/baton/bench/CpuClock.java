package dev.baton.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * CPU time used by the server JVM (in all and per thread group) and by this (client) JVM between two
 * points. On a shared machine the wall-clock figures depend on what else runs; CPU time per task much
 * less.
 */
final class CpuClock {

    private final Supplier<Optional<ProcessHandle>> server;

    CpuClock(Supplier<Optional<ProcessHandle>> server) {
        this.server = server;
    }

    /** CPU used so far by the server and by this JVM. */
    Reading read() {
        Optional<ProcessHandle> jvm = server.get();
        return new Reading(cpu(jvm), cpu(Optional.of(ProcessHandle.current())), ThreadCpu.read(jvm));
    }

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** Cumulative CPU times. */
    record Reading(Duration server, Duration client, Map<String, ThreadCpu.Sample> serverThreads) {

        /** Server CPU ms per unit of work since {@code earlier}. */
        double serverMillisPer(Reading earlier, long units) {
            return (server.minus(earlier.server).toNanos() / 1e6) / Math.max(1, units);
        }

        double clientMillisPer(Reading earlier, long units) {
            return (client.minus(earlier.client).toNanos() / 1e6) / Math.max(1, units);
        }

        /** The server's CPU since {@code earlier} by thread group, e.g. "JIT compiler 30%, ...". */
        String serverThreadGroups(Reading earlier) {
            Map<String, Double> groups = ThreadCpu.difference(earlier.serverThreads, serverThreads);
            double total =
                    groups.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total <= 0) {
                return "n/a";
            }
            return groups.entrySet().stream()
                    .filter(e -> e.getValue() / total >= 0.01)
                    .map(e -> String.format("%s %.0f%%", e.getKey(), 100 * e.getValue() / total))
                    .collect(Collectors.joining(", "));
        }
    }
}

package dev.baton.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server JVM's CPU time per thread group (Linux /proc), to show where a scenario's CPU went: JIT
 * compilers, GC, HTTP request threads, the MDB threads that claim/run/finish tasks, the broker, ...
 * Threads that ended between two readings are missing from the difference.
 */
final class ThreadCpu {

    /** Linux reports thread CPU in clock ticks of 10 ms (USER_HZ = 100). */
    private static final double MILLIS_PER_TICK = 10.0;

    private ThreadCpu() {}

    /** CPU ms per thread id so far, with the thread's group; empty where /proc is not available. */
    static Map<String, Sample> read(Optional<ProcessHandle> jvm) {
        Map<String, Sample> threads = new TreeMap<>();
        if (jvm.isEmpty()) {
            return threads;
        }
        Path tasks = Path.of("/proc", Long.toString(jvm.get().pid()), "task");
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = Files.readString(task.resolve("comm")).trim();
                    // fields after the ")" that closes the name: state is field 3, utime 14, stime 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
                    threads.put(task.getFileName().toString(), new Sample(group(name), millis));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return threads;
    }

    /** CPU ms per group between two readings, largest first. */
    static Map<String, Double> difference(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Double> groups = new TreeMap<>();
        after.forEach((id, sample) -> {
            Sample earlier = before.get(id);
            double used = sample.millis() - (earlier == null ? 0 : earlier.millis());
            groups.merge(sample.group(), used, Double::sum);
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The group of a thread by its (15-character) Linux name. */
    static String group(String name) {
        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler") || name.startsWith("Sweeper")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "GC and safepoints";
        }
        if (name.startsWith("default task")) {
            return "HTTP requests (REST: auth, submit transaction)";
        }
        if (name.startsWith("default I/O")) {
            return "HTTP I/O (Undertow)";
        }
        if (name.matches("Thread-\\d+ \\(a.*")) { // Thread-3 (activemq-client-global)
            return "dispatch consumers (claim, handler, finish)";
        }
        if (name.startsWith("activemq") || name.matches("Thread-\\d+ \\(A.*")) { // (ActiveMQ-server-...)
            return "Artemis broker and journal";
        }
        if (name.startsWith("EE-Managed")) {
            return "EE executors (waiters, timers)";
        }
        if (name.startsWith("MVStore") || name.startsWith("H2 ")) {
            return "H2 background writer";
        }
        return "other";
    }

    /** One thread's group and CPU ms. */
    record Sample(String group, double millis) {}
}

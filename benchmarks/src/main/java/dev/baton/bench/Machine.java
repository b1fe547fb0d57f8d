package dev.baton.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on: CPUs, memory, Java, OS, and the load (uptime). */
final class Machine {

    private Machine() {}

    static String cpus() {
        return Runtime.getRuntime().availableProcessors() + " (nproc)";
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    /**
     * How fast this machine is right now, as two numbers: milliseconds for one thread to hash 256 MiB
     * with SHA-256 (compute), and nanoseconds per step of a random walk through 64 MiB (memory latency,
     * which B-tree work such as H2's commits depends on and which neighbours on a shared host disturb).
     * Best of 5 each; runs compare only at similar figures.
     */
    static String speedCheck() {
        return hashMillis() + " ms hash, " + String.format("%.0f", walkNanos()) + " ns/step memory walk";
    }

    private static long hashMillis() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64 * 1024];
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < 4096; i++) {
                    sha.update(block);
                }
                block[0] = sha.digest()[0];
                best = Math.min(best, System.nanoTime() - start);
            }
            return best / 1_000_000;
        } catch (NoSuchAlgorithmException e) {
            return -1;
        }
    }

    private static double walkNanos() {
        int size = 16 * 1024 * 1024; // ints: 64 MiB, far beyond the caches
        int[] next = new int[size];
        for (int i = 0; i < size; i++) {
            next[i] = i;
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = size - 1; i > 0; i--) { // Sattolo: one cycle through every slot
            int j = random.nextInt(i);
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
        int steps = 2_000_000;
        double best = Double.MAX_VALUE;
        int at = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                at = next[at];
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) steps);
        }
        return at == -1 ? -1 : best; // reads the walk's end, so the JIT cannot drop the walk
    }

    /** The output of {@code uptime} (falls back to /proc/loadavg). */
    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            // no uptime command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load unknown";
        }
    }
}

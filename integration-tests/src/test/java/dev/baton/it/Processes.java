package dev.baton.it;

import java.util.List;

/**
 * The operating-system processes of the test server, which runs on this machine: lets script tests check
 * that a killed process tree really is gone.
 */
public final class Processes {

    private Processes() {}

    /** Live processes whose command line contains {@code text}. */
    public static List<ProcessHandle> withCommandLineContaining(String text) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .toList();
    }
}

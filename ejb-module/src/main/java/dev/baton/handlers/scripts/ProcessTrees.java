package dev.baton.handlers.scripts;

import java.util.List;

/** Kills a process together with everything it started. */
public final class ProcessTrees {

    private ProcessTrees() {}

    public static void kill(Process process) {
        kill(process.toHandle());
    }

    public static void kill(ProcessHandle root) {
        // Collect first: once the parent dies its children are re-parented and no longer listed.
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
    }
}

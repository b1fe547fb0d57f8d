package dev.baton.handlers.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts scripts in a process group of their own and kills a process together with everything it
 * started: the whole group (which also catches processes that detached from their parent, such as
 * {@code (sleep 600 &)}), then any descendant still listed.
 */
public final class ProcessTrees {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final boolean GROUPS = Files.isExecutable(SETSID) && Files.isExecutable(Path.of("/bin/kill"));

    private ProcessTrees() {}

    /** The command that runs {@code executable} as the leader of a new process group, where supported. */
    public static List<String> command(String executable) {
        List<String> command = new ArrayList<>();
        if (GROUPS) {
            command.add(SETSID.toString());
        }
        command.add(executable);
        return command;
    }

    public static void kill(Process process) {
        kill(process.toHandle());
    }

    public static void kill(ProcessHandle root) {
        // Collect first: once the parent dies its children are re-parented and no longer listed.
        List<ProcessHandle> descendants = root.descendants().toList();
        if (GROUPS) {
            killGroup(root.pid());
        }
        root.destroyForcibly();
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
    }

    /** kill -KILL -- -pgid; the script was started by setsid, so its pid is its group id. */
    private static void killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder("/bin/kill", "-KILL", "--", "-" + pgid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the group is gone already, or kill is unavailable: the descendants are still killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

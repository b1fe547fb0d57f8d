package dev.baton.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The test server's script workspace (target/workspace: the examples plus src/test/workspace). */
public final class TestWorkspace {

    private TestWorkspace() {}

    /** The workspace folder, links resolved (scripts run from, and are named by, their real path). */
    public static Path root() {
        try {
            return Path.of(System.getProperty("baton.it.workspace")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes of the server running workspace script {@code name} (their command line names its path). */
    public static java.util.List<ProcessHandle> processesRunning(String name) {
        return Processes.withCommandLineContaining(root().resolve(name).toString());
    }
}

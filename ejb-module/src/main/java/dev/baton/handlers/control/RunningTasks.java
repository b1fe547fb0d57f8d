package dev.baton.handlers.control;

import dev.baton.handlers.scripts.ProcessTrees;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The attempts running on this node, so a cancel can stop them (kill the script's process tree). */
@ApplicationScoped
public class RunningTasks {

    private final Map<String, Runnable> stoppers = new ConcurrentHashMap<>();

    void started(String taskId, Runnable stopper) {
        stoppers.put(taskId, stopper);
    }

    void finished(String taskId) {
        stoppers.remove(taskId);
    }

    void processStarted(String taskId, Process process) {
        stoppers.put(taskId, () -> ProcessTrees.kill(process));
    }

    /** Stops the attempt running {@code taskId} on this node; false when none runs here. */
    public boolean stop(String taskId) {
        Runnable stopper = stoppers.remove(taskId);
        if (stopper == null) {
            return false;
        }
        stopper.run();
        return true;
    }

    public int count() {
        return stoppers.size();
    }
}

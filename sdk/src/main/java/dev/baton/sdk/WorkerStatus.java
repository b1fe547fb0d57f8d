package dev.baton.sdk;

import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;

/**
 * The status Baton last answered for this worker (registration, poll and heartbeat answers carry it), and
 * the gate the poller waits at while an operator drains the worker ({@code STOPPING}/{@code STOPPED}):
 * a later answer without the drain opens it again.
 */
final class WorkerStatus {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final String workerName;
    private final Object gate = new Object();
    private volatile String status;
    private volatile boolean drained;

    WorkerStatus(String workerName) {
        this.workerName = workerName;
    }

    String status() {
        return status;
    }

    boolean drained() {
        return drained;
    }

    /** Takes Baton's answer {@code newStatus} (null: the answer had none, nothing changes). */
    void update(String newStatus) {
        if (newStatus == null) {
            return;
        }
        status = newStatus;
        boolean nowDrained = newStatus.equals("STOPPING") || newStatus.equals("STOPPED");
        if (nowDrained != drained) {
            LOG.log(
                    Level.INFO,
                    nowDrained ? "worker {0} is drained ({1}): no new work" : "worker {0} resumed ({1})",
                    workerName,
                    newStatus);
        }
        synchronized (gate) {
            drained = nowDrained;
            if (!nowDrained) {
                gate.notifyAll();
            }
        }
    }

    /** Waits while the worker is drained, unless {@code stopping} (checked again on each {@link #wake}). */
    void awaitUndrained(BooleanSupplier stopping) throws InterruptedException {
        synchronized (gate) {
            while (drained && !stopping.getAsBoolean()) {
                gate.wait();
            }
        }
    }

    /** Lets a waiting poller re-check (a shutdown began). */
    void wake() {
        synchronized (gate) {
            gate.notifyAll();
        }
    }
}

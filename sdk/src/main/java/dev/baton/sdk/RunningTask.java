package dev.baton.sdk;

/**
 * A task a worker thread is running: who runs it, and whether Baton took it away ({@link #lose}) or its
 * time ran out ({@link #timeOut}). Both interrupt the thread, but only while the handler still runs,
 * never while its result is being reported.
 */
final class RunningTask {

    private final RemoteTask task;
    private final String workerId;
    private Thread thread;
    private boolean finishing;
    private volatile boolean lost;
    private volatile boolean timedOut;

    RunningTask(RemoteTask task, String workerId) {
        this.task = task;
        this.workerId = workerId;
    }

    RemoteTask task() {
        return task;
    }

    /** The registration the task was polled under (its reports go there). */
    String workerId() {
        return workerId;
    }

    synchronized void start(Thread runner) {
        thread = runner;
        if (lost) {
            runner.interrupt();
        }
    }

    /** The handler returned or threw: from now on nothing interrupts the thread. */
    synchronized void finish() {
        finishing = true;
        thread = null;
    }

    /** Baton says the task is no longer ours (cancelled, revived, lease lost): stop it, report nothing. */
    synchronized void lose() {
        lost = true;
        if (thread != null && !finishing) {
            thread.interrupt();
        }
    }

    /** The task's {@code timeoutSeconds} passed while its handler still runs. */
    synchronized void timeOut() {
        if (thread != null && !finishing) {
            timedOut = true;
            thread.interrupt();
        }
    }

    boolean lost() {
        return lost;
    }

    boolean timedOut() {
        return timedOut;
    }
}

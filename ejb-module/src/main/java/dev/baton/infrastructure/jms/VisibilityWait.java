package dev.baton.infrastructure.jms;

/**
 * Waiting for the rows a message refers to: with XA the broker's branch may commit before the
 * database's, so a consumer can receive a message before what its transaction wrote is readable. Pauses
 * double from {@code firstPauseMillis} up to 200 ms, for up to {@code maxMillis} in all.
 */
public final class VisibilityWait {

    private final long deadline;
    private long pause;

    public VisibilityWait(long maxMillis, long firstPauseMillis) {
        this.deadline = System.currentTimeMillis() + maxMillis;
        this.pause = firstPauseMillis;
    }

    public boolean expired() {
        return System.currentTimeMillis() > deadline;
    }

    /** Pauses before the next try; false if the thread was interrupted (its flag is set again). */
    public boolean pause() {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        pause = Math.min(200, pause * 2);
        return true;
    }
}

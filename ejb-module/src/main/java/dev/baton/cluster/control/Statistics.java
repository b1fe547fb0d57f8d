package dev.baton.cluster.control;

/**
 * A member's work over a window: attempts ended ({@code processed}), of which failed (failed, timed out
 * or interrupted), average and 95th percentile duration, and busy ratio = time spent running attempts
 * ÷ (threads × the part of the window the member existed).
 */
public record Statistics(long processed, long failed, long averageMs, long p95Ms, double busyRatio) {

    public static final Statistics NONE = new Statistics(0, 0, 0, 0, 0);

    /** The nearest-rank index (from the longest) of the 95th percentile among {@code count} durations. */
    static int p95RankFromTop(long count) {
        return (int) (count / 20);
    }

    static double busyRatio(long busyMs, int threads, long windowMs) {
        if (threads <= 0 || windowMs <= 0) {
            return 0;
        }
        return Math.min(1.0, (double) busyMs / ((double) threads * windowMs));
    }
}

package dev.baton.infrastructure.jms;

/**
 * Baton's JMS destinations (created by server-config/src/main/cli/30-messaging.cli), the message
 * properties Baton uses, and how a task priority (0-100) becomes a JMS priority (0-9).
 */
public final class Destinations {

    /** Internal: one message per dispatch of a task; body = task id, property {@link #SEQ}. */
    public static final String DISPATCH_QUEUE = "java:/jms/queue/baton.dispatch";
    /** Public: JSON task submissions from enterprise producers. */
    public static final String SUBMIT_QUEUE = "java:/jms/queue/baton.submit";
    /** Dead letters; Baton sets {@link #ERROR} on the messages it moves there itself. */
    public static final String DEAD_LETTER_QUEUE = "java:/jms/queue/baton.dlq";

    /** The task's dispatch sequence number a dispatch message was sent for (stale ones are dropped). */
    public static final String SEQ = "baton_seq";
    /** Why Baton dead-lettered a message. */
    public static final String ERROR = "baton_error";
    /** The queue a dead-lettered message came from. */
    public static final String ORIGIN = "baton_origin";

    private Destinations() {}

    /**
     * Maps a task priority 0-100 onto the ten JMS priorities: 0-9 → 0, 10-19 → 1, ..., 90-100 → 9.
     */
    public static int jmsPriority(int taskPriority) {
        int clamped = Math.max(0, Math.min(100, taskPriority));
        return Math.min(9, clamped / 10);
    }
}

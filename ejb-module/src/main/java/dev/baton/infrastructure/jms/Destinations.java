package dev.baton.infrastructure.jms;

/**
 * Baton's JMS destinations (created by server-config/src/main/cli/30-messaging.cli), the message
 * properties Baton uses, and how a task priority (0-100) becomes a JMS priority (0-9).
 */
public final class Destinations {

    /**
     * Internal: one message per dispatch of a task (body = task id, property {@link #SEQ}), or per group
     * of dispatches of new inline-handler tasks (property {@link #GROUP}; body = one {@code <task id>
     * <seq>} line each).
     */
    public static final String DISPATCH_QUEUE = "java:/jms/queue/baton.dispatch";
    /**
     * Internal: dispatches of tasks whose handler only remote workers serve; body = task id, properties
     * {@link #SEQ} and {@link #HANDLER}. Worker polls consume it with a selector on {@link #HANDLER}.
     */
    public static final String REMOTE_QUEUE = "java:/jms/queue/baton.remote";
    /** Public: JSON task submissions from enterprise producers. */
    public static final String SUBMIT_QUEUE = "java:/jms/queue/baton.submit";
    /**
     * Internal: workflow signals (a task of an action finished, a timer fired, a subworkflow ended, a run
     * timed out); body = run id, properties {@link #KIND}, {@link #ACTION}, {@link #REF}, {@link #SEQ}.
     */
    public static final String WORKFLOW_QUEUE = "java:/jms/queue/baton.workflow";
    /** Public: external events for waiting workflow runs; properties {@link #RUN} and {@link #EVENT}, JSON body. */
    public static final String EVENTS_QUEUE = "java:/jms/queue/baton.events";
    /**
     * Public: plugins register with and deregister from activities (properties {@link #OP} and {@link
     * #ACTIVITY}) and report their progress and end (properties {@link #OP}, {@link #ACTIVITY_RUN} and
     * {@link #PLUGIN}); JSON body.
     */
    public static final String ACTIVITIES_QUEUE = "java:/jms/queue/baton.activities";
    /** Internal: cluster commands for server nodes; body = command id. Every node receives each one. */
    public static final String COMMANDS_TOPIC = "java:/jms/topic/baton.commands";
    /** Dead letters; Baton sets {@link #ERROR} on the messages it moves there itself. */
    public static final String DEAD_LETTER_QUEUE = "java:/jms/queue/baton.dlq";

    /** The task's dispatch sequence number a dispatch message was sent for (stale ones are dropped). */
    public static final String SEQ = "baton_seq";
    /** A dispatch message carrying a group of dispatches: how many. */
    public static final String GROUP = "baton_group";
    /** Remote dispatch: the task's handler name (worker polls select on it). */
    public static final String HANDLER = "baton_handler";
    /** Workflow signal: what happened (see the workflow signal kinds). */
    public static final String KIND = "baton_kind";
    /** Workflow signal: the action of the run it concerns. */
    public static final String ACTION = "baton_action";
    /** Workflow signal: the task or child run it concerns. */
    public static final String REF = "baton_ref";
    /** Event messages: the run the event is for. */
    public static final String RUN = "baton_run";
    /** Event messages: the event's name. */
    public static final String EVENT = "baton_event";
    /** Activity messages: the activity a plugin registers with or deregisters from. */
    public static final String ACTIVITY = "baton_activity";
    /**
     * Activity messages: {@code register} or {@code deregister} (a plugin's registration), {@code progress},
     * {@code complete} or {@code error} (a plugin's report on itself).
     */
    public static final String OP = "baton_op";
    /** Activity report messages: the activity run the reporting plugin belongs to. */
    public static final String ACTIVITY_RUN = "baton_activity_run";
    /** Activity report messages: the reporting plugin's name. */
    public static final String PLUGIN = "baton_plugin";
    /** Why Baton dead-lettered a message. */
    public static final String ERROR = "baton_error";
    /** The queue a dead-lettered message came from. */
    public static final String ORIGIN = "baton_origin";

    private Destinations() {}

    /** A selector matching remote dispatches for any of {@code handlers}. */
    public static String handlerSelector(java.util.Collection<String> handlers) {
        StringBuilder selector = new StringBuilder(HANDLER).append(" IN (");
        String separator = "";
        for (String handler : handlers) {
            selector.append(separator)
                    .append('\'')
                    .append(handler.replace("'", "''"))
                    .append('\'');
            separator = ", ";
        }
        return selector.append(')').toString();
    }

    /**
     * Maps a task priority 0-100 onto the ten JMS priorities: 0-9 → 0, 10-19 → 1, ..., 90-100 → 9.
     */
    public static int jmsPriority(int taskPriority) {
        int clamped = Math.max(0, Math.min(100, taskPriority));
        return Math.min(9, clamped / 10);
    }
}

package dev.baton.workflows.control;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/**
 * Sends workflow signals to {@code baton.workflow} inside the caller's transaction, so a signal exists
 * exactly when the change that caused it commits. Timers are messages with a delivery delay: the
 * broker keeps them durably and delivers them at their time, also after a restart.
 */
@ApplicationScoped
public class RunMessages {

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.WORKFLOW_QUEUE)
    Queue workflowQueue;

    public void taskFinished(String runId, String actionId, String taskId) {
        send(runId, Signal.TASK, actionId, taskId, 0, 0);
    }

    public void timer(String runId, String actionId, int seq, long delayMillis) {
        send(runId, Signal.TIMER, actionId, null, seq, delayMillis);
    }

    public void childEnded(String parentRunId, String parentActionId, String childRunId) {
        send(parentRunId, Signal.CHILD, parentActionId, childRunId, 0, 0);
    }

    public void activityEnded(String runId, String actionId, String activityRunId) {
        send(runId, Signal.ACTIVITY, actionId, activityRunId, 0, 0);
    }

    public void runTimeout(String runId, long delayMillis) {
        send(runId, Signal.TIMEOUT, null, null, 0, delayMillis);
    }

    private void send(String runId, Signal kind, String actionId, String ref, int seq, long delayMillis) {
        JMSProducer producer =
                jms.createProducer().setProperty(Destinations.KIND, kind.name()).setProperty(Destinations.SEQ, seq);
        if (actionId != null) {
            producer.setProperty(Destinations.ACTION, actionId);
        }
        if (ref != null) {
            producer.setProperty(Destinations.REF, ref);
        }
        if (delayMillis > 0) {
            producer.setDeliveryDelay(delayMillis);
        }
        producer.send(workflowQueue, runId);
    }
}

package dev.baton.tasks.control;

import dev.baton.infrastructure.jms.Destinations;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Several dispatches carried by one JMS message: tasks of an inline handler, submitted together and
 * queued at the same JMS priority, are claimed, run and recorded in one transaction by the consumer
 * that receives the message (one commit and one message for the whole group instead of one per task).
 * The body is one {@code <task id> <dispatch sequence>} line per dispatch.
 */
public record DispatchGroup(List<Dispatch> dispatches) {

    /** One task's dispatch: the consumer claims the task only if {@code seq} is still its current one. */
    public record Dispatch(String taskId, int seq) {}

    public DispatchGroup {
        dispatches = List.copyOf(dispatches);
    }

    public List<String> taskIds() {
        return dispatches.stream().map(Dispatch::taskId).toList();
    }

    public int size() {
        return dispatches.size();
    }

    /** Sends this group as one message: property {@link Destinations#GROUP} and the encoded body. */
    public void sendWith(JMSProducer producer, Queue queue) {
        producer.setProperty(Destinations.GROUP, size()).send(queue, encode());
    }

    public String encode() {
        StringBuilder body = new StringBuilder(dispatches.size() * 40);
        for (Dispatch d : dispatches) {
            body.append(d.taskId()).append(' ').append(d.seq()).append('\n');
        }
        return body.toString();
    }

    /** Reads a group message's body; throws {@link IllegalArgumentException} naming the bad line. */
    public static DispatchGroup parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty dispatch group");
        }
        List<Dispatch> dispatches = new ArrayList<>();
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1) {
                throw new IllegalArgumentException(
                        "dispatch group line " + (i + 1) + " is not '<task id> <seq>': " + line);
            }
            try {
                dispatches.add(new Dispatch(line.substring(0, space), Integer.parseInt(line.substring(space + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "dispatch group line " + (i + 1) + " has no numeric sequence: " + line);
            }
        }
        return new DispatchGroup(dispatches);
    }
}

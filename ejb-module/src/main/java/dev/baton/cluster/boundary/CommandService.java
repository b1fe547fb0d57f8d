package dev.baton.cluster.boundary;

import dev.baton.cluster.control.CommandJson;
import dev.baton.cluster.control.CommandRequest;
import dev.baton.cluster.control.Commands;
import dev.baton.cluster.control.Members;
import dev.baton.cluster.entity.Command;
import dev.baton.cluster.entity.CommandRecipient;
import dev.baton.cluster.entity.Node;
import dev.baton.cluster.entity.Worker;
import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster commands (Clusterfy's IPC commands), one transaction each: a new command stores a row per
 * recipient and, in the same transaction, is published on {@code baton.commands} for the nodes; remote
 * workers get theirs with their next heartbeat. Drain, resume and cancel-task need nothing from a
 * worker process, so they are carried out for workers right here.
 */
@Stateless
public class CommandService {

    public static final String DRAIN = "drain";
    public static final String RESUME = "resume";
    public static final String CANCEL_TASK = "cancel-task";

    @Inject
    Commands commands;

    @Inject
    Members members;

    @EJB
    WorkerService workers;

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.COMMANDS_TOPIC)
    Topic topic;

    /** Stores and sends the command; returns its id. 404 when a named target does not exist. */
    public String create(CommandRequest request, Duration drainTimeout, String user) {
        long now = System.currentTimeMillis();
        Command command = new Command(
                Ids.newId(), request.command(), JsonDocuments.print(request.args()), request.target(), user, now);
        List<Node> nodes = request.reachesNodes() ? nodes(request.target()) : List.of();
        List<Worker> targetWorkers = request.reachesWorkers() ? workers(request.target()) : List.of();
        List<CommandRecipient> recipients = new ArrayList<>();
        nodes.forEach(n -> recipients.add(new CommandRecipient(command.getId(), "node:" + n.getName())));
        targetWorkers.forEach(w -> recipients.add(new CommandRecipient(command.getId(), "worker:" + w.getId())));
        commands.add(command, recipients);
        for (Worker worker : targetWorkers) {
            answerForWorker(command, worker, drainTimeout, now);
        }
        for (Node node : nodes) {
            if (!node.getState().isAlive()) {
                commands.lockRecipient(command.getId(), "node:" + node.getName())
                        .orElseThrow()
                        .answer(false, null, node.describe() + " is " + node.getState(), now);
            }
        }
        if (nodes.stream().anyMatch(n -> n.getState().isAlive())) {
            jms.createProducer().send(topic, command.getId());
        }
        return command.getId();
    }

    public JsonObject view(String id) {
        Command command = commands.find(id).orElseThrow(() -> ProblemException.notFound("command", id));
        return CommandJson.of(command, commands.recipients(id)).build();
    }

    /** The command for this recipient if it still waits for an answer, else null. */
    public Command waitingFor(String id, String member) {
        return commands.recipients(id).stream()
                .filter(r -> r.getMember().equals(member) && !r.getStatus().isAnswered())
                .findFirst()
                .flatMap(r -> commands.find(id))
                .orElse(null);
    }

    public boolean exists(String id) {
        return commands.find(id).isPresent();
    }

    /** Records a recipient's answer; 404 for a recipient the command does not have, 409 when it answered. */
    public JsonObject answer(String id, String member, boolean ok, JsonValue result, String error) {
        CommandRecipient recipient = commands.lockRecipient(id, member)
                .orElseThrow(() -> ProblemException.notFound("recipient of command " + id, member));
        if (!recipient.answer(
                ok, result == null ? null : JsonDocuments.print(result), error, System.currentTimeMillis())) {
            throw ProblemException.conflict(member + " already answered command " + id);
        }
        return view(id);
    }

    private void answerForWorker(Command command, Worker worker, Duration drainTimeout, long now) {
        String member = "worker:" + worker.getId();
        CommandRecipient recipient =
                commands.lockRecipient(command.getId(), member).orElseThrow();
        boolean live = worker.getState().isAlive();
        switch (command.getName()) {
            case DRAIN, RESUME -> {
                if (!live) {
                    recipient.answer(false, null, worker.describe() + " is " + worker.getState(), now);
                } else {
                    JsonObject state = command.getName().equals(DRAIN)
                            ? workers.drain(worker.getId(), drainTimeout)
                            : workers.resume(worker.getId());
                    recipient.answer(true, JsonDocuments.print(state), null, now);
                }
            }
            case CANCEL_TASK -> recipient.answer(
                    true,
                    "{\"cancelled\":true,\"note\":\"the worker drops the task at its next heartbeat\"}",
                    null,
                    now);
            default -> {
                if (!live) {
                    recipient.answer(false, null, worker.describe() + " is " + worker.getState(), now);
                }
            }
        }
    }

    private List<Node> nodes(String target) {
        if (target.startsWith("node:")) {
            String name = target.substring("node:".length());
            return List.of(members.node(name).orElseThrow(() -> ProblemException.notFound("node", name)));
        }
        return members.nodes().stream().filter(n -> n.getState().isAlive()).toList();
    }

    private List<Worker> workers(String target) {
        if (target.startsWith("worker:")) {
            String id = target.substring("worker:".length());
            return List.of(members.worker(id).orElseThrow(() -> ProblemException.notFound("worker", id)));
        }
        return members.workers().stream().filter(w -> w.getState().isAlive()).toList();
    }
}

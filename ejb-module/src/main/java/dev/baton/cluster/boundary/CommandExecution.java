package dev.baton.cluster.boundary;

import dev.baton.cluster.entity.Command;
import dev.baton.cluster.spi.CommandHandler;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.jms.VisibilityWait;
import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out a command on this node with the {@link CommandHandler} of its name and records this
 * node's answer. A command not addressed to this node, or answered already, is ignored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandExecution {

    private static final Logger LOG = Logger.getLogger(CommandExecution.class.getName());
    /** The message can overtake the commit of the command's rows: look again for this long. */
    static final long VISIBILITY_WAIT_MILLIS = 5000;

    @EJB
    CommandService commands;

    @Inject
    @Any
    Instance<CommandHandler> handlers;

    @Inject
    BatonConfig config;

    public void execute(String commandId) {
        String member = "node:" + config.nodeName();
        Command command = visible(commandId) ? commands.waitingFor(commandId, member) : null;
        if (command == null) {
            return;
        }
        CommandHandler handler = handlers.stream()
                .filter(h -> h.name().equals(command.getName()))
                .findFirst()
                .orElse(null);
        if (handler == null) {
            commands.answer(
                    commandId,
                    member,
                    false,
                    null,
                    "unknown command '" + command.getName() + "' on " + member + " (known: " + known() + ")");
            return;
        }
        try {
            JsonValue result =
                    handler.execute(JsonDocuments.parseStored(command.getArgs()).asJsonObject());
            commands.answer(commandId, member, true, result, null);
        } catch (Exception e) {
            LOG.log(Level.INFO, "command " + command.getName() + " (" + commandId + ") failed on " + member, e);
            commands.answer(commandId, member, false, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private boolean visible(String commandId) {
        VisibilityWait visibility = new VisibilityWait(VISIBILITY_WAIT_MILLIS, 5);
        while (!commands.exists(commandId)) {
            if (visibility.expired()) {
                LOG.warning(() -> "command " + commandId + " never became visible; ignored");
                return false;
            }
            if (!visibility.pause()) {
                return false;
            }
        }
        return true;
    }

    private List<String> known() {
        return List.copyOf(
                new TreeSet<>(handlers.stream().map(CommandHandler::name).toList()));
    }
}

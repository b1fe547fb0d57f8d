package dev.baton.cluster.commands;

import dev.baton.cluster.spi.CommandHandler;
import dev.baton.handlers.control.RunningTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code cancel-task} {@code {"taskId": "..."}}: stops the attempt of the task if it runs on this node
 * (kills a script's process tree). The task itself was cancelled once when the command was sent.
 */
@ApplicationScoped
public class CancelTaskCommand implements CommandHandler {

    @Inject
    RunningTasks running;

    @Override
    public String name() {
        return "cancel-task";
    }

    @Override
    public String description() {
        return "cancel args.taskId and stop its attempt wherever it runs";
    }

    @Override
    public JsonValue execute(JsonObject args) {
        String taskId = args.getString("taskId");
        return Json.createObjectBuilder()
                .add("taskId", taskId)
                .add("stopped", running.stop(taskId))
                .build();
    }
}

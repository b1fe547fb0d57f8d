package dev.baton.cluster.commands;

import dev.baton.cluster.control.NodeState;
import dev.baton.cluster.spi.CommandHandler;
import dev.baton.handlers.control.RunningTasks;
import dev.baton.infrastructure.config.BatonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/** {@code ping}: each node answers its name, state, running attempts and clock. */
@ApplicationScoped
public class PingCommand implements CommandHandler {

    @Inject
    BatonConfig config;

    @Inject
    NodeState state;

    @Inject
    RunningTasks running;

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String description() {
        return "answer this node's name, state, running attempts and clock";
    }

    @Override
    public JsonValue execute(JsonObject args) {
        return Json.createObjectBuilder()
                .add("node", config.nodeName())
                .add("state", state.state().name())
                .add("running", running.count())
                .add("time", Instant.now().toString())
                .build();
    }
}

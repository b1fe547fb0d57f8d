package dev.baton.cluster.commands;

import dev.baton.cluster.boundary.NodeService;
import dev.baton.cluster.spi.CommandHandler;
import dev.baton.infrastructure.config.BatonConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** {@code resume}: a drained node takes work again. */
@ApplicationScoped
public class ResumeCommand implements CommandHandler {

    @EJB
    NodeService nodes;

    @Inject
    BatonConfig config;

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String description() {
        return "take new work again after a drain";
    }

    @Override
    public JsonValue execute(JsonObject args) {
        return nodes.resume(config.nodeName());
    }
}

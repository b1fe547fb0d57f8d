package dev.baton.cluster.commands;

import dev.baton.cluster.boundary.NodeService;
import dev.baton.cluster.spi.CommandHandler;
import dev.baton.infrastructure.config.BatonConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;

/** {@code drain} {@code {"timeoutSeconds": 60}}: this node stops starting attempts (see node drain). */
@ApplicationScoped
public class DrainCommand implements CommandHandler {

    @EJB
    NodeService nodes;

    @Inject
    BatonConfig config;

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public String description() {
        return "stop taking new work; running attempts may finish within args.timeoutSeconds";
    }

    @Override
    public JsonValue execute(JsonObject args) {
        Duration timeout = args.containsKey("timeoutSeconds")
                ? Duration.ofSeconds(args.getJsonNumber("timeoutSeconds").longValue())
                : config.drainTimeout();
        return nodes.drain(config.nodeName(), timeout);
    }
}

package dev.baton.cluster.commands;

import dev.baton.cluster.control.RemoteHandlers;
import dev.baton.cluster.spi.CommandHandler;
import dev.baton.handlers.control.HandlerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code reload-workspace}: re-reads the workspace folder and the remote handler names, and answers
 * with the scripts this node now serves (scripts are looked up on each call; this shows operators
 * what each node sees, e.g. after a deployment of new scripts).
 */
@ApplicationScoped
public class ReloadWorkspaceCommand implements CommandHandler {

    @Inject
    HandlerRegistry handlers;

    @Inject
    RemoteHandlers remote;

    @Override
    public String name() {
        return "reload-workspace";
    }

    @Override
    public String description() {
        return "re-read the workspace scripts and remote handler names; answers the scripts found";
    }

    @Override
    public JsonValue execute(JsonObject args) {
        remote.refresh();
        return Json.createObjectBuilder()
                .add("workspace", handlers.workspace().root().toString())
                .add("scripts", Json.createArrayBuilder(handlers.workspace().scriptNames()))
                .build();
    }
}

package dev.baton.handlers.boundary;

import dev.baton.handlers.control.HandlerInfo;
import dev.baton.handlers.control.HandlerRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/handlers}: every handler a task may name. */
@Path("handlers")
@RequestScoped
@RolesAllowed({"admin", "submitter", "worker"})
public class HandlersResource {

    @Inject
    HandlerRegistry registry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (HandlerInfo handler : registry.all()) {
            items.add(Json.createObjectBuilder()
                    .add("name", handler.name())
                    .add("kind", handler.kind().name().toLowerCase())
                    .add("description", handler.description()));
        }
        return Json.createObjectBuilder()
                .add("workspace", registry.workspace().root().toString())
                .add("items", items)
                .build();
    }
}

package dev.baton.tasks.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/queues}: depth per priority band, tasks in flight, consumers. */
@Path("queues")
@RequestScoped
@RolesAllowed({"admin", "submitter", "worker"})
public class QueuesResource {

    @EJB
    TaskService tasks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject queues() {
        int consumers = Integer.getInteger("baton.dispatch.sessions", 16);
        return Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(tasks.queues(consumers)))
                .build();
    }
}

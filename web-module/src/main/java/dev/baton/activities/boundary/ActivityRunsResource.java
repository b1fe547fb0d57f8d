package dev.baton.activities.boundary;

import dev.baton.infrastructure.rest.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** The status of activity runs (started with {@code POST /api/activities/{name}/runs}). */
@Path("activity-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class ActivityRunsResource {

    @EJB
    ActivityRunService runs;

    /** The run's status, batch execution id, and per stage each plugin's status; 404 when unknown. */
    @GET
    @Path("{id}")
    public JsonObject run(@PathParam("id") String id) {
        return runs.run(id);
    }

    /** A plugin reports progress, {@code {"message": "..."}}, while it is InProgress (409 otherwise). */
    @POST
    @Path("{id}/plugins/{plugin}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "worker"})
    public JsonObject progress(@PathParam("id") String id, @PathParam("plugin") String plugin, InputStream body) {
        return runs.progress(id, plugin, Bodies.read(body));
    }
}

package dev.baton.workflows.boundary;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.rest.Bodies;
import dev.baton.infrastructure.rest.QueryParams;
import dev.baton.workflows.entity.RunStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Workflow runs: read, list, control (cancel, pause, resume, retry) and deliver external events. */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class RunsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    @EJB
    WorkflowService workflows;

    @GET
    public JsonObject list(
            @QueryParam("workflow") String workflow,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Integer pageSize = QueryParams.integer("limit", limit, 1, MAX_LIMIT);
        return workflows.list(
                QueryParams.text("workflow", workflow, 100),
                QueryParams.enumValue("status", status, RunStatus.class),
                pageSize == null ? DEFAULT_LIMIT : pageSize,
                QueryParams.text("cursor", cursor, 36));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return workflows.run(id);
    }

    /** The status document: each activity action's plugins per stage, and the other actions' statuses. */
    @GET
    @Path("{id}/status")
    public JsonObject status(@PathParam("id") String id) {
        return workflows.status(id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject cancel(@PathParam("id") String id) {
        return workflows.cancel(id);
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject pause(@PathParam("id") String id) {
        return workflows.pause(id);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject resume(@PathParam("id") String id) {
        return workflows.resume(id);
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject retry(@PathParam("id") String id) {
        return workflows.retry(id);
    }

    /** Delivers event {@code event}; the JSON body (empty means {}) becomes the wait action's output. 409 if nothing waits for it. */
    @POST
    @Path("{id}/events/{event}")
    public JsonObject event(@PathParam("id") String id, @PathParam("event") String event, InputStream body) {
        String text = Bodies.read(body);
        JsonValue payload = text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonDocuments.parse(text);
        return workflows.deliver(id, QueryParams.text("event", event, 200), payload);
    }
}

package dev.baton.workflows.boundary;

import dev.baton.infrastructure.rest.Bodies;
import dev.baton.infrastructure.rest.QueryParams;
import dev.baton.workflows.control.RunRequestParser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** Workflow definitions (Orchy's JSON format, versioned by name) and starting runs of them. */
@Path("workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class WorkflowsResource {

    @EJB
    WorkflowService workflows;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    /** 201 with the new version and any warnings; 422 listing every error with its JSON pointer. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "submitter"})
    public Response save(InputStream body) {
        JsonObject saved =
                workflows.save(Bodies.read(body), security.getUserPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder()
                        .path("workflows")
                        .path(saved.getString("name"))
                        .path("versions")
                        .path(String.valueOf(saved.getInt("version")))
                        .build())
                .entity(saved)
                .build();
    }

    @GET
    public JsonObject list() {
        return workflows.list();
    }

    @GET
    @Path("{name}")
    public JsonObject latest(@PathParam("name") String name) {
        return workflows.latest(name);
    }

    @GET
    @Path("{name}/versions")
    public JsonObject versions(@PathParam("name") String name) {
        return workflows.versions(name);
    }

    @GET
    @Path("{name}/versions/{version}")
    public JsonObject version(@PathParam("name") String name, @PathParam("version") String version) {
        return workflows.version(name, QueryParams.integer("version", version, 1, Integer.MAX_VALUE));
    }

    /** Deletes every version; runs already started finish with theirs. */
    @DELETE
    @Path("{name}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("name") String name) {
        workflows.delete(name);
        return Response.noContent().build();
    }

    /** Starts a run: body {@code {"input": {...}, "version": 2, "priority": 80, "idempotencyKey": "..."}}, all optional. */
    @POST
    @Path("{name}/runs")
    @RolesAllowed({"admin", "submitter"})
    public Response start(
            @PathParam("name") String name,
            @HeaderParam(RunStarter.IDEMPOTENCY_KEY) String idempotencyKey,
            InputStream body) {
        return RunStarter.start(
                workflows,
                RunRequestParser.parse(Bodies.read(body), name),
                idempotencyKey,
                security.getUserPrincipal().getName(),
                uri);
    }
}

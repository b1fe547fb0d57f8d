package dev.baton.workflows.boundary;

import dev.baton.infrastructure.rest.Bodies;
import dev.baton.workflows.control.RunRequestParser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * Orchy's call, {@code POST /flow/execute {"name": ..., "input": {...}}} (reached at {@code /flow/execute}
 * through {@link FlowForward}, and at {@code /api/flow/execute}): starts a run and answers 201 with it;
 * its {@code id} is the run's UUID.
 */
@Path("flow")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter"})
public class FlowResource {

    @EJB
    WorkflowService workflows;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @POST
    @Path("execute")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response execute(@HeaderParam(RunStarter.IDEMPOTENCY_KEY) String idempotencyKey, InputStream body) {
        return RunStarter.start(
                workflows,
                RunRequestParser.parse(Bodies.read(body), null),
                idempotencyKey,
                security.getUserPrincipal().getName(),
                uri);
    }
}

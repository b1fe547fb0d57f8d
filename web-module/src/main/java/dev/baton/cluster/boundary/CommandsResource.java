package dev.baton.cluster.boundary;

import dev.baton.cluster.control.CommandAnswer;
import dev.baton.cluster.control.CommandRequest;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.rest.Bodies;
import dev.baton.infrastructure.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Duration;

/** Cluster commands: send one to nodes and workers and collect their answers. */
@Path("commands")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class CommandsResource {

    static final int MAX_WAIT_SECONDS = 60;

    @EJB
    CommandSender sender;

    @EJB
    CommandService commands;

    @Inject
    BatonConfig config;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /**
     * {@code {"command", "target", "args"}}; waits up to {@code wait} seconds (default 10) for every
     * answer: 200 when all are in, 202 with the answers so far otherwise (poll the Location).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(InputStream body, @QueryParam("wait") String wait) {
        Integer seconds = QueryParams.integer("wait", wait, 0, MAX_WAIT_SECONDS);
        CommandRequest request = CommandRequest.parse(Bodies.read(body));
        JsonObject command = sender.send(
                request,
                config.drainTimeout(),
                security.getUserPrincipal().getName(),
                Duration.ofSeconds(seconds == null ? 10 : seconds));
        return Response.status(command.getBoolean("complete") ? 200 : 202)
                .location(uri.getAbsolutePathBuilder()
                        .path(command.getString("id"))
                        .build())
                .entity(command)
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject command(@PathParam("id") String id) {
        return commands.view(id);
    }

    /** A worker answers a command it got with its heartbeat. */
    @POST
    @Path("{id}/results/{workerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "worker"})
    public JsonObject answer(@PathParam("id") String id, @PathParam("workerId") String workerId, InputStream body) {
        CommandAnswer answer = CommandAnswer.parse(Bodies.read(body));
        return commands.answer(id, "worker:" + workerId, answer.ok(), answer.result(), answer.error());
    }
}

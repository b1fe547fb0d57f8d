package dev.baton.cluster.boundary;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** The Baton server nodes: registry, statistics, drain and resume. */
@Path("nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class NodesResource {

    @EJB
    NodeService nodes;

    @Inject
    BatonConfig config;

    @GET
    public JsonObject nodes() {
        return nodes.nodes();
    }

    @GET
    @Path("{name}")
    public JsonObject node(@PathParam("name") String name) {
        return nodes.node(name);
    }

    /** Stops new task attempts on the node; running ones may finish within {@code timeoutSeconds}. */
    @POST
    @Path("{name}/drain")
    @RolesAllowed("admin")
    public JsonObject drain(@PathParam("name") String name, @QueryParam("timeoutSeconds") String timeoutSeconds) {
        Integer seconds = QueryParams.integer("timeoutSeconds", timeoutSeconds, 0, WorkersResource.MAX_DRAIN_SECONDS);
        return nodes.drain(name, seconds == null ? config.drainTimeout() : Duration.ofSeconds(seconds));
    }

    @POST
    @Path("{name}/resume")
    @RolesAllowed("admin")
    public JsonObject resume(@PathParam("name") String name) {
        return nodes.resume(name);
    }
}

package dev.baton.cluster.boundary;

import dev.baton.cluster.control.Heartbeats;
import dev.baton.cluster.control.WorkerRegistration;
import dev.baton.cluster.control.WorkerReport;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.rest.Bodies;
import dev.baton.infrastructure.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Set;

/** The remote worker protocol (docs/workers.md) and the worker registry. */
@Path("workers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "worker"})
public class WorkersResource {

    static final int MAX_POLL_WAIT_SECONDS = 60;
    static final int MAX_POLL_TASKS = 100;
    static final int MAX_DRAIN_SECONDS = 86_400;

    @EJB
    WorkerService workers;

    @EJB
    WorkerPoll polls;

    @EJB
    StatisticsReport report;

    @Inject
    BatonConfig config;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** Registers a worker: 201 with its id, heartbeat interval and lease. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        WorkerRegistration registration = WorkerRegistration.parse(Bodies.read(body));
        JsonObject worker =
                workers.register(registration, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(worker.getString("id"))
                        .build())
                .entity(worker)
                .build();
    }

    @GET
    @RolesAllowed({"admin", "submitter", "worker"})
    public JsonObject workers() {
        return workers.workers();
    }

    /** Workers and nodes with their statistics as a text table. */
    @GET
    @Path("statistics")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({"admin", "submitter", "worker"})
    public String statistics() {
        return report.table();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "submitter", "worker"})
    public JsonObject worker(@PathParam("id") String id) {
        return workers.worker(id);
    }

    /** Long-polls for up to {@code max} tasks, waiting up to {@code wait} seconds for the first. */
    @POST
    @Path("{id}/poll")
    public JsonObject poll(
            @PathParam("id") String id,
            @QueryParam("handlers") String handlers,
            @QueryParam("max") String max,
            @QueryParam("wait") String wait) {
        Integer count = QueryParams.integer("max", max, 1, MAX_POLL_TASKS);
        Integer seconds = QueryParams.integer("wait", wait, 0, MAX_POLL_WAIT_SECONDS);
        Set<String> names = handlers == null ? Set.of() : WorkerRegistration.handlerNames(handlers, "handlers");
        return polls.poll(id, names, count == null ? 1 : count, (seconds == null ? 30 : seconds) * 1000L);
    }

    /** {@code {"running": [task ids]}} (optional) → status, tasks to stop, commands. */
    @POST
    @Path("{id}/heartbeat")
    public JsonObject heartbeat(@PathParam("id") String id, InputStream body) {
        return workers.heartbeat(id, Heartbeats.running(Bodies.read(body)));
    }

    /** {@code complete}, {@code fail} or {@code progress} of a task the worker runs. */
    @POST
    @Path("{id}/tasks/{taskId}/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject report(
            @PathParam("id") String id,
            @PathParam("taskId") String taskId,
            @PathParam("kind") String kind,
            InputStream body) {
        return workers.report(id, taskId, WorkerReport.Kind.of(kind), Bodies.read(body));
    }

    /** Graceful deregistration; what the worker still runs is re-queued. */
    @DELETE
    @Path("{id}")
    public Response deregister(@PathParam("id") String id) {
        workers.deregister(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/drain")
    @RolesAllowed("admin")
    public JsonObject drain(@PathParam("id") String id, @QueryParam("timeoutSeconds") String timeoutSeconds) {
        return workers.drain(id, drainTimeout(timeoutSeconds));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed("admin")
    public JsonObject resume(@PathParam("id") String id) {
        return workers.resume(id);
    }

    Duration drainTimeout(String timeoutSeconds) {
        Integer seconds = QueryParams.integer("timeoutSeconds", timeoutSeconds, 0, MAX_DRAIN_SECONDS);
        return seconds == null ? config.drainTimeout() : Duration.ofSeconds(seconds);
    }
}

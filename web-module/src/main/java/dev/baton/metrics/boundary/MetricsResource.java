package dev.baton.metrics.boundary;

import dev.baton.metrics.control.Prometheus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Active workflow runs, activity runs, plugin runs and tasks: as JSON, or as Prometheus text. */
@Path("metrics")
@RequestScoped
@RolesAllowed({"admin", "submitter", "worker"})
public class MetricsResource {

    @EJB
    MetricsService metrics;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject json() {
        return metrics.json();
    }

    /** The text exposition format 0.0.4 ({@code text/plain; version=0.0.4}). */
    @GET
    @Path("prometheus")
    @Produces({"text/plain", "*/*"})
    public Response prometheus() {
        return Response.ok(metrics.prometheus()).type(Prometheus.CONTENT_TYPE).build();
    }
}

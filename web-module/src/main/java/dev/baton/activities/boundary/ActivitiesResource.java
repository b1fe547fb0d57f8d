package dev.baton.activities.boundary;

import dev.baton.infrastructure.rest.Bodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * Activities and their plugins. Plugins (role worker) register and deregister themselves; everyone may
 * look, and preview which plugins a run's metadata would select.
 */
@Path("activities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class ActivitiesResource {

    @EJB
    ActivityService activities;

    @EJB
    ActivityRunService runs;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list() {
        return activities.activities();
    }

    /** The activity's plugins per stage, in running order; 404 when it has none. */
    @GET
    @Path("{name}")
    public JsonObject activity(@PathParam("name") String name) {
        return activities.activity(name);
    }

    /** 201 for a new plugin, 200 when it replaced one of the same name; 400/422 naming the field. */
    @POST
    @Path("{name}/plugins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "worker"})
    public Response register(@PathParam("name") String name, InputStream body) {
        ActivityService.Registered registered = activities.register(
                name, Bodies.read(body), security.getUserPrincipal().getName());
        if (!registered.created()) {
            return Response.ok(registered.plugin()).build();
        }
        return Response.created(uri.getBaseUriBuilder()
                        .path("activities")
                        .path(name)
                        .path("plugins")
                        .path(registered.plugin().getString("name"))
                        .build())
                .entity(registered.plugin())
                .build();
    }

    /** One registered plugin (the Location of a registration); 404 when unknown. */
    @GET
    @Path("{name}/plugins/{plugin}")
    public JsonObject plugin(@PathParam("name") String name, @PathParam("plugin") String plugin) {
        return activities.plugin(name, plugin);
    }

    @DELETE
    @Path("{name}/plugins/{plugin}")
    @RolesAllowed({"admin", "worker"})
    public Response deregister(@PathParam("name") String name, @PathParam("plugin") String plugin) {
        activities.deregister(name, plugin);
        return Response.noContent().build();
    }

    /** The plugins that would run for {@code {"metadata": {...}}}, per stage: for testing filters. */
    @POST
    @Path("{name}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject plan(@PathParam("name") String name, InputStream body) {
        return activities.plan(name, Bodies.read(body));
    }

    /** Starts a run for {@code {"metadata": {...}}}: 201 with the run; 404 when the activity has no plugins. */
    @POST
    @Path("{name}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "submitter"})
    public Response run(@PathParam("name") String name, InputStream body) {
        JsonObject run =
                runs.start(name, Bodies.read(body), security.getUserPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder()
                        .path("activity-runs")
                        .path(run.getString("id"))
                        .build())
                .entity(run)
                .build();
    }
}

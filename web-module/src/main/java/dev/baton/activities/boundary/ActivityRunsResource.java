package dev.baton.activities.boundary;

import dev.baton.activities.control.PluginRegistration;
import dev.baton.activities.control.PluginReport;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.rest.Bodies;
import dev.baton.infrastructure.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Activity runs (started with {@code POST /api/activities/{name}/runs}): list, status, cancel, and the
 * plugins' reports on themselves (progress, and for {@code "completion": "report"} plugins their end).
 */
@Path("activity-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class ActivityRunsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    /** A cursor is a run id (a UUID). */
    private static final Pattern CURSOR = Pattern.compile("[0-9A-Fa-f-]{1,36}");

    @EJB
    ActivityRunService runs;

    @Context
    SecurityContext security;

    /** Newest first, keyset paging by {@code cursor} (the previous page's {@code nextCursor}); 400 naming a bad parameter. */
    @GET
    public JsonObject list(
            @QueryParam("activity") String activity,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        if (activity != null
                && !activity.isEmpty()
                && !PluginRegistration.NAME.matcher(activity).matches()) {
            throw ProblemException.badRequest(
                    "activity", "must be 1 to 100 of A-Z a-z 0-9 . _ - (was '" + shorten(activity) + "')");
        }
        if (cursor != null && !cursor.isEmpty() && !CURSOR.matcher(cursor).matches()) {
            throw ProblemException.badRequest(
                    "cursor", "must be the nextCursor of a previous page (was '" + shorten(cursor) + "')");
        }
        Integer pageSize = QueryParams.integer("limit", limit, 1, MAX_LIMIT);
        return runs.list(
                activity == null || activity.isEmpty() ? null : activity,
                QueryParams.enumValue("status", status, ActivityRunStatus.class),
                pageSize == null ? DEFAULT_LIMIT : pageSize,
                cursor == null || cursor.isEmpty() ? null : cursor);
    }

    /** The run's status, batch execution id, and per stage each plugin's status; 404 when unknown. */
    @GET
    @Path("{id}")
    public JsonObject run(@PathParam("id") String id) {
        return runs.run(id);
    }

    /** Cancels the run, its unfinished plugins and their tasks; 409 when it already ended. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject cancel(@PathParam("id") String id) {
        return runs.cancel(id, security.getUserPrincipal().getName());
    }

    /** A plugin reports progress, {@code {"message": "..."}}, while it is InProgress (409 otherwise). */
    @POST
    @Path("{id}/plugins/{plugin}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "worker"})
    public JsonObject progress(@PathParam("id") String id, @PathParam("plugin") String plugin, InputStream body) {
        return runs.report(id, plugin, PluginReport.Kind.PROGRESS, Bodies.read(body));
    }

    /**
     * A {@code report} plugin is done, {@code {"message": "...", "result": ...}} (both optional): Complete.
     * No body (and then no Content-Type) is allowed; a body must be {@code application/json} (415).
     */
    @POST
    @Path("{id}/plugins/{plugin}/complete")
    @RolesAllowed({"admin", "worker"})
    public JsonObject complete(
            @PathParam("id") String id,
            @PathParam("plugin") String plugin,
            @Context HttpHeaders headers,
            InputStream body) {
        String text = Bodies.read(body);
        MediaType type = headers.getMediaType();
        if (!text.isEmpty() && (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new NotSupportedException("a body must be application/json");
        }
        return runs.report(id, plugin, PluginReport.Kind.COMPLETE, text);
    }

    /** A {@code report} plugin failed, {@code {"message": "..."}}: Error (a required plugin fails the run). */
    @POST
    @Path("{id}/plugins/{plugin}/error")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "worker"})
    public JsonObject error(@PathParam("id") String id, @PathParam("plugin") String plugin, InputStream body) {
        return runs.report(id, plugin, PluginReport.Kind.ERROR, Bodies.read(body));
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}

package dev.baton.storage.boundary;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.rest.Bodies;
import dev.baton.storage.control.Precondition;
import dev.baton.storage.control.StorageRead;
import dev.baton.storage.control.Written;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * The shared storage: JSON values at dot paths ({@code /api/storage/counters.jobs}). A value's version is
 * its entity tag ({@code ETag: "3"}); {@code If-Match} makes a write or delete a compare-and-set and
 * {@code If-None-Match: *} makes a write create-only. Reading a path with children answers the subtree
 * below it as one object. Everyone with an API role may read and write.
 */
@Path("storage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class StorageResource {

    @EJB
    StorageService storage;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    /** The whole storage as one object (nested, or flat with {@code ?flat=true}); {@code {}} when empty. */
    @GET
    public Response all(@QueryParam("flat") String flat) {
        return Response.ok(JsonDocuments.print(storage.getAll(flag("flat", flat))))
                .build();
    }

    /**
     * The value (with its ETag) or the subtree at {@code path}, nested or flat ({@code ?flat=true}); 404 when
     * nothing is stored there.
     */
    @GET
    @Path("{path: .+}")
    public Response get(@PathParam("path") String path, @QueryParam("flat") String flat) {
        StorageRead read = flag("flat", flat) ? storage.getFlat(path) : storage.get(path);
        Response.ResponseBuilder answer = Response.ok(JsonDocuments.print(read.value()));
        if (!read.isSubtree()) {
            answer.tag(new EntityTag(Long.toString(read.version())));
        }
        return answer.build();
    }

    /** Stores the body (any JSON value) at {@code path}: 201 when new, 200 when replaced, ETag = version. */
    @PUT
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("path") String path, InputStream body) {
        Precondition precondition =
                Precondition.forPut(header(Precondition.IF_MATCH_HEADER), header(Precondition.IF_NONE_MATCH_HEADER));
        Written written = storage.put(
                path,
                Bodies.read(body),
                precondition,
                security.getUserPrincipal().getName());
        Response.ResponseBuilder answer = written.created()
                ? Response.created(uri.getBaseUriBuilder()
                        .path("storage")
                        .path(written.stored().path())
                        .build())
                : Response.ok();
        return answer.tag(new EntityTag(Long.toString(written.stored().version())))
                .entity(JsonDocuments.print(written.stored().toJson()))
                .build();
    }

    /** Deletes the value or the whole subtree at {@code path}: 204; 404 when nothing is stored there. */
    @DELETE
    @Path("{path: .+}")
    public Response delete(@PathParam("path") String path) {
        storage.delete(
                path,
                Precondition.forDelete(
                        header(Precondition.IF_MATCH_HEADER), header(Precondition.IF_NONE_MATCH_HEADER)));
        return Response.noContent().build();
    }

    /** A header's values joined by commas (a client may send a list in several lines); null when absent. */
    private String header(String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false, was '" + value + "'");
        };
    }
}

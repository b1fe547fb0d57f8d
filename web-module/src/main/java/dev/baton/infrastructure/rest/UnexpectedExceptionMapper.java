package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.problem.ProblemException;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A Baton problem wrapped by the EJB container is unwrapped; anything left is a
 * server fault: logged with an id that the 500 answer quotes, without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Exception exception) {
        String path = uri == null ? null : uri.getPath();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return Problems.of(problem, path);
            }
            if (cause instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (cause instanceof EJBAccessException) {
                return Problems.of(403, "forbidden", "Forbidden", "your roles do not allow this operation", path);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error " + incident + " at " + path, exception);
        return Problems.of(
                500, "internal", "Internal server error", "unexpected server error; incident " + incident, path);
    }
}

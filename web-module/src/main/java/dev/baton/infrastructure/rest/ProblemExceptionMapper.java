package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.problem.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Client mistakes raised by Baton's own code. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException problem) {
        return Problems.of(problem, uri == null ? null : uri.getPath());
    }
}

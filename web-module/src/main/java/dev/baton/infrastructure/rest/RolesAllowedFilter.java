package dev.baton.infrastructure.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on resource methods (or their class) portably: 403 problem+json when
 * the caller has none of the roles. Authentication itself is the container's (web.xml).
 */
@Provider
public class RolesAllowedFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            return;
        }
        boolean permitted = Arrays.stream(allowed.value()).anyMatch(request.getSecurityContext()::isUserInRole);
        if (!permitted) {
            request.abortWith(Problems.of(
                    403,
                    "forbidden",
                    "Forbidden",
                    "this operation needs one of the roles " + Arrays.toString(allowed.value()),
                    request.getUriInfo().getPath()));
        }
    }
}

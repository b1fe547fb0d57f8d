package dev.baton.workflows.boundary;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.rest.QueryParams;
import dev.baton.workflows.control.RunRequest;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Starts a run for the REST resources: 201 with the run and its Location, 200 for a repeated idempotency key. */
final class RunStarter {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private RunStarter() {}

    static Response start(WorkflowService workflows, RunRequest request, String headerKey, String user, UriInfo uri) {
        String key = QueryParams.text(IDEMPOTENCY_KEY, headerKey, 200);
        if (key != null) {
            if (request.idempotencyKey() != null && !request.idempotencyKey().equals(key)) {
                throw ProblemException.badRequest(IDEMPOTENCY_KEY, "differs from the body's idempotencyKey");
            }
            request = new RunRequest(request.workflow(), request.version(), request.input(), request.priority(), key);
        }
        WorkflowService.Started started = workflows.start(request, user);
        JsonObject run = started.run();
        URI location =
                uri.getBaseUriBuilder().path("runs").path(run.getString("id")).build();
        return Response.status(started.created() ? 201 : 200)
                .location(location)
                .entity(run)
                .build();
    }
}

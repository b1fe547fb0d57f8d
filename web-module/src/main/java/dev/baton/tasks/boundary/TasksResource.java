package dev.baton.tasks.boundary;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.rest.Bodies;
import dev.baton.infrastructure.rest.QueryParams;
import dev.baton.tasks.control.FinishWaits.Outcome;
import dev.baton.tasks.control.TaskBatchParser;
import dev.baton.tasks.control.TaskJson;
import dev.baton.tasks.control.TaskQuery;
import dev.baton.tasks.control.TaskRequest;
import dev.baton.tasks.control.TaskRequestParser;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The task API: submit, read, list, wait for results, cancel, retry, delete. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "submitter", "worker"})
public class TasksResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @EJB
    TaskService tasks;

    @Inject
    TaskWaiter waiter;

    @Inject
    BatonConfig config;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    /**
     * 202 with the QUEUED task and its Location; 200 with the original task when the idempotency key
     * was seen before; with {@code ?wait=N}, 200 with the finished task if it finishes within N seconds.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "submitter"})
    public void submit(
            InputStream body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @QueryParam("wait") String wait,
            @Suspended AsyncResponse response) {
        Integer waitSeconds =
                QueryParams.integer("wait", wait, 0, (int) config.maxWait().toSeconds());
        TaskRequest request = TaskRequestParser.parse(Bodies.read(body));
        String key = QueryParams.text(IDEMPOTENCY_KEY, idempotencyKey, 200);
        if (key != null) {
            if (request.idempotencyKey() != null && !request.idempotencyKey().equals(key)) {
                throw ProblemException.badRequest(IDEMPOTENCY_KEY, "differs from the body's idempotencyKey");
            }
            request = request.withIdempotencyKey(key);
        }
        String user = security.getUserPrincipal().getName();
        if (waitSeconds == null || waitSeconds == 0) {
            SubmitResult result = tasks.submit(request, user);
            response.resume(Response.status(result.created() ? 202 : 200)
                    .location(location(result.taskId()))
                    .entity(result.task())
                    .build());
            return;
        }
        AwaitedSubmission submitted = tasks.submitAndAwait(request, user, Duration.ofSeconds(waitSeconds));
        String id = submitted.result().taskId();
        URI location = location(id); // here: the request's UriInfo is not there on the thread that completes
        submitted.finish().whenComplete((outcome, error) -> {
            try {
                response.resume(Response.status(outcome != null && outcome.finished() ? 200 : 202)
                        .location(location)
                        .entity(taskAfter(outcome, id))
                        .build());
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }

    private URI location(String taskId) {
        return uri.getBaseUriBuilder().path("tasks").path(taskId).build();
    }

    /**
     * Submits up to 1,000 tasks in one transaction: {@code {"tasks": [...]}} → 202 with each task's
     * summary in order ({@code created: false} for a repeated idempotency key). All or nothing: any bad
     * task refuses the whole batch, naming {@code /tasks/<i>/<field>}.
     */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "submitter"})
    public Response submitBatch(InputStream body) {
        List<TaskRequest> requests = TaskBatchParser.parse(Bodies.read(body));
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (SubmitResult result :
                tasks.submitAll(requests, security.getUserPrincipal().getName())) {
            items.add(Json.createObjectBuilder(result.task()).add("created", result.created()));
        }
        return Response.status(202)
                .entity(Json.createObjectBuilder().add("tasks", items).build())
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return tasks.get(id);
    }

    /** The outcome: 200 once the task is terminal, 202 while it is not (after waiting up to {@code wait} s). */
    @GET
    @Path("{id}/result")
    public void result(@PathParam("id") String id, @QueryParam("wait") String wait, @Suspended AsyncResponse response) {
        Integer waitSeconds =
                QueryParams.integer("wait", wait, 0, (int) config.maxWait().toSeconds());
        JsonObject now = tasks.get(id); // 404 for an unknown id
        if (waitSeconds == null || waitSeconds == 0 || TaskJson.isTerminal(now)) {
            response.resume(resultResponse(now));
            return;
        }
        waiter.awaitFinish(id, Duration.ofSeconds(waitSeconds)).whenComplete((outcome, error) -> {
            try {
                response.resume(resultResponse(taskAfter(outcome, id)));
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }

    @GET
    public JsonObject list(
            @QueryParam("status") String status,
            @QueryParam("handler") String handler,
            @QueryParam("user") String user,
            @QueryParam("parent") String parent,
            @QueryParam("priorityMin") String priorityMin,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Integer pageSize = QueryParams.integer("limit", limit, 1, TaskQuery.MAX_LIMIT);
        return tasks.list(new TaskQuery(
                QueryParams.enumValue("status", status, TaskStatus.class),
                QueryParams.text("handler", handler, 200),
                QueryParams.text("user", user, 200),
                QueryParams.text("parent", parent, 36),
                QueryParams.integer("priorityMin", priorityMin, 0, 100),
                pageSize == null ? TaskQuery.DEFAULT_LIMIT : pageSize,
                QueryParams.text("cursor", cursor, 36)));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject cancel(@PathParam("id") String id) {
        return tasks.cancel(id);
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({"admin", "submitter"})
    public JsonObject retry(@PathParam("id") String id) {
        return tasks.retry(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"admin", "submitter"})
    public Response delete(@PathParam("id") String id) {
        tasks.delete(id);
        return Response.noContent().build();
    }

    /** The task after a wait: as its finishing transaction left it, or read now. */
    private JsonObject taskAfter(Outcome outcome, String id) {
        return outcome != null && outcome.task() != null ? outcome.task() : tasks.get(id);
    }

    private static Response resultResponse(JsonObject task) {
        boolean terminal = TaskJson.isTerminal(task);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", task.getString("id"))
                .add("status", task.getString("status"))
                .add("result", task.getOrDefault("result", JsonValue.NULL))
                .add("error", task.getOrDefault("error", JsonValue.NULL));
        return Response.status(terminal ? 200 : 202)
                .type(MediaType.APPLICATION_JSON)
                .entity(json.build())
                .build();
    }
}

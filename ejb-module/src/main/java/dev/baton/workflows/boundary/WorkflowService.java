package dev.baton.workflows.boundary;

import dev.baton.activities.control.ActivityRuns;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import dev.baton.workflows.control.CompiledWorkflow;
import dev.baton.workflows.control.RunCommands;
import dev.baton.workflows.control.RunEngine;
import dev.baton.workflows.control.RunJson;
import dev.baton.workflows.control.RunRequest;
import dev.baton.workflows.control.RunStatusJson;
import dev.baton.workflows.control.RunStore;
import dev.baton.workflows.control.Signal;
import dev.baton.workflows.control.WorkflowCatalog;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunStatus;
import dev.baton.workflows.entity.WorkflowVersion;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/** The workflow facade: definitions, runs, run commands, events and signals. Each call is one transaction. */
@Stateless
public class WorkflowService {

    @Inject
    WorkflowCatalog catalog;

    @Inject
    RunEngine engine;

    @Inject
    RunCommands commands;

    @Inject
    RunStore runs;

    @Inject
    ActivityRuns activityRuns;

    @Resource
    SessionContext context;

    /** Stores a new version; 422 with every error (each with its JSON pointer) when it is invalid. */
    public JsonObject save(String body, String user) {
        WorkflowCatalog.Saved saved = catalog.save(JsonDocuments.parse(body), user);
        JsonArrayBuilder warnings = JsonDocuments.builders().createArrayBuilder();
        for (Violation w : saved.warnings()) {
            warnings.add(JsonDocuments.builders()
                    .createObjectBuilder()
                    .add("pointer", w.field())
                    .add("message", w.message()));
        }
        return summary(saved.version()).add("warnings", warnings).build();
    }

    public JsonObject latest(String name) {
        return full(catalog.latest(name));
    }

    public JsonObject version(String name, int version) {
        return full(catalog.version(name, version));
    }

    public JsonObject list() {
        JsonArrayBuilder items = JsonDocuments.builders().createArrayBuilder();
        catalog.latestOfEach().forEach(w -> items.add(summary(w)));
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("items", items)
                .build();
    }

    public JsonObject versions(String name) {
        JsonArrayBuilder items = JsonDocuments.builders().createArrayBuilder();
        catalog.versions(name).forEach(w -> items.add(summary(w)));
        return JsonDocuments.builders()
                .createObjectBuilder()
                .add("items", items)
                .build();
    }

    public void delete(String name) {
        catalog.delete(name);
    }

    /** The started run (created = true), or the run a repeated idempotency key names (created = false). */
    public record Started(JsonObject run, boolean created) {}

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Started start(RunRequest request, String user) {
        if (request.idempotencyKey() != null) {
            Optional<JsonObject> existing = findByKey(user, request.idempotencyKey());
            if (existing.isPresent()) {
                return new Started(existing.get(), false);
            }
        }
        try {
            return new Started(self().startInTransaction(request, user), true);
        } catch (EJBException | PersistenceException e) {
            if (request.idempotencyKey() != null) {
                Optional<JsonObject> winner = findByKey(user, request.idempotencyKey());
                if (winner.isPresent()) {
                    return new Started(winner.get(), false);
                }
            }
            throw e;
        }
    }

    public JsonObject startInTransaction(RunRequest request, String user) {
        int version = request.version() != null
                ? request.version()
                : catalog.latest(request.workflow()).getVersion();
        if (request.version() != null) {
            catalog.version(request.workflow(), version); // 404 for a missing or deleted version
        }
        CompiledWorkflow workflow = catalog.compiled(request.workflow(), version);
        Run run = engine.start(workflow, request, user, null, null);
        return RunJson.of(run, workflow, runs.actions(run.getId()));
    }

    public Optional<JsonObject> findByKey(String user, String key) {
        return runs.findByIdempotencyKey(user, key).map(this::json);
    }

    public JsonObject run(String id) {
        return json(runs.find(id).orElseThrow(() -> ProblemException.notFound("run", id)));
    }

    /** The run's status document ({@link RunStatusJson}): activity actions with their plugins; 404 when unknown. */
    public JsonObject status(String id) {
        Run run = runs.find(id).orElseThrow(() -> ProblemException.notFound("run", id));
        return RunStatusJson.of(
                run,
                catalog.compiled(run.getWorkflow(), run.getWorkflowVersion()),
                runs.actions(id),
                activityRunId -> activityRuns
                        .find(activityRunId)
                        .map(a -> new RunStatusJson.ActivityProgress(a, activityRuns.plugins(activityRunId)))
                        .orElse(null));
    }

    public JsonObject list(String workflow, RunStatus status, int limit, String cursor) {
        RunStore.RunPage page = runs.list(workflow, status, limit, cursor);
        JsonArrayBuilder items = JsonDocuments.builders().createArrayBuilder();
        page.runs().forEach(r -> items.add(RunJson.summary(r)));
        JsonObjectBuilder json = JsonDocuments.builders().createObjectBuilder().add("items", items);
        return JsonMembers.text(json, "nextCursor", page.nextCursor()).build();
    }

    public JsonObject cancel(String id) {
        return json(commands.cancel(id));
    }

    public JsonObject pause(String id) {
        return json(commands.pause(id));
    }

    public JsonObject resume(String id) {
        return json(commands.resume(id));
    }

    public JsonObject retry(String id) {
        return json(commands.retry(id));
    }

    public JsonObject deliver(String id, String event, JsonValue body) {
        return json(commands.deliver(id, event, body));
    }

    /** A workflow signal from {@code baton.workflow}. */
    public void signal(Signal kind, String runId, String actionId, String ref, int seq) {
        commands.signal(kind, runId, actionId, ref, seq);
    }

    private JsonObject json(Run run) {
        return RunJson.of(
                run, catalog.compiled(run.getWorkflow(), run.getWorkflowVersion()), runs.actions(run.getId()));
    }

    /** This bean through the container, so {@link #startInTransaction} gets its own transaction. */
    private WorkflowService self() {
        return context.getBusinessObject(WorkflowService.class);
    }

    private static JsonObjectBuilder summary(WorkflowVersion w) {
        JsonObjectBuilder json = JsonDocuments.builders()
                .createObjectBuilder()
                .add("name", w.getName())
                .add("version", w.getVersion())
                .add("createdTime", Instant.ofEpochMilli(w.getCreatedTime()).toString());
        if (w.getCreatedBy() == null) {
            json.addNull("createdBy");
        } else {
            json.add("createdBy", w.getCreatedBy());
        }
        return json;
    }

    private static JsonObject full(WorkflowVersion w) {
        return summary(w)
                .add("definition", JsonDocuments.parseStored(w.getDefinition()))
                .build();
    }
}

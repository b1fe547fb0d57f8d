package dev.baton.workflows.control;

import dev.baton.handlers.control.HandlerRegistry;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import dev.baton.workflows.entity.WorkflowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored workflow definitions: every save of a name is a new version; a delete hides all versions (runs
 * already started keep theirs). Callers provide the transaction.
 */
@ApplicationScoped
public class WorkflowCatalog {

    private final Map<String, CompiledWorkflow> compiled = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    @Inject
    WorkflowTools tools;

    @Inject
    HandlerRegistry handlers;

    /** The saved version and the warnings found (422 with every error when the definition is invalid). */
    public record Saved(WorkflowVersion version, List<Violation> warnings) {}

    public Saved save(JsonValue document, String user) {
        WorkflowValidation validation = tools.validator().validate(document, new HashSet<>(handlers.names()), Set.of());
        WorkflowDefinition definition = validation.orThrow();
        int next = em.createQuery("SELECT MAX(w.version) FROM WorkflowVersion w WHERE w.name = :name", Integer.class)
                        .setParameter("name", definition.name())
                        .setLockMode(LockModeType.NONE)
                        .getResultStream()
                        .filter(v -> v != null)
                        .findFirst()
                        .orElse(0)
                + 1;
        WorkflowVersion version = new WorkflowVersion(
                definition.name(), next, JsonDocuments.print(document), System.currentTimeMillis(), user);
        em.persist(version);
        em.flush(); // a concurrent save of the same name and version fails here (primary key)
        return new Saved(version, validation.warnings());
    }

    public WorkflowVersion latest(String name) {
        return em.createQuery(
                        "SELECT w FROM WorkflowVersion w WHERE w.name = :name AND w.deleted = FALSE"
                                + " ORDER BY w.version DESC",
                        WorkflowVersion.class)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("workflow", name));
    }

    public WorkflowVersion version(String name, int version) {
        WorkflowVersion found = em.find(WorkflowVersion.class, new WorkflowVersion.Key(name, version));
        if (found == null || found.isDeleted()) {
            throw ProblemException.notFound("workflow version", name + " v" + version);
        }
        return found;
    }

    /** Every version of a workflow, newest first (404 if it has none or was deleted). */
    public List<WorkflowVersion> versions(String name) {
        List<WorkflowVersion> all = em.createQuery(
                        "SELECT w FROM WorkflowVersion w WHERE w.name = :name AND w.deleted = FALSE"
                                + " ORDER BY w.version DESC",
                        WorkflowVersion.class)
                .setParameter("name", name)
                .getResultList();
        if (all.isEmpty()) {
            throw ProblemException.notFound("workflow", name);
        }
        return all;
    }

    /** The latest version of every workflow, by name. */
    public List<WorkflowVersion> latestOfEach() {
        return em.createQuery(
                        "SELECT w FROM WorkflowVersion w WHERE w.deleted = FALSE AND w.version ="
                                + " (SELECT MAX(v.version) FROM WorkflowVersion v WHERE v.name = w.name AND v.deleted ="
                                + " FALSE) ORDER BY w.name",
                        WorkflowVersion.class)
                .getResultList();
    }

    /** Hides every version of the workflow; returns how many there were. */
    public int delete(String name) {
        List<WorkflowVersion> all = versions(name);
        all.forEach(WorkflowVersion::delete);
        return all.size();
    }

    /** A version parsed for running (deleted versions too: runs keep the version they started with). */
    public CompiledWorkflow compiled(String name, int version) {
        String key = name + '\u0000' + version;
        CompiledWorkflow cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        WorkflowVersion stored = Optional.ofNullable(
                        em.find(WorkflowVersion.class, new WorkflowVersion.Key(name, version)))
                .orElseThrow(() -> ProblemException.notFound("workflow version", name + " v" + version));
        WorkflowDefinition definition = tools.validator()
                .validate(JsonDocuments.parseStored(stored.getDefinition()), Set.of(), Set.of())
                .orThrow();
        CompiledWorkflow result = new CompiledWorkflow(definition, version, WorkflowGraph.of(definition));
        compiled.putIfAbsent(key, result);
        return result;
    }
}

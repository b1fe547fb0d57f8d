package dev.baton.workflows.control;

import dev.baton.infrastructure.persistence.NewestFirst;
import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes runs and their actions. Every change to a run happens under its row lock ({@link #lock}). */
@Dependent
public class RunStore {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    public void persist(Run run, List<RunAction> actions) {
        em.persist(run);
        actions.forEach(em::persist);
    }

    public void flush() {
        em.flush();
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(em.find(Run.class, id));
    }

    /** The run, row-locked until the transaction ends: changes to a run and its actions are serialized. */
    public Optional<Run> lock(String id) {
        return Optional.ofNullable(em.find(Run.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The run's actions by action id. */
    public Map<String, RunAction> actions(String runId) {
        Map<String, RunAction> byId = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM RunAction a WHERE a.runId = :run", RunAction.class)
                .setParameter("run", runId)
                .getResultList()
                .forEach(a -> byId.put(a.getActionId(), a));
        return byId;
    }

    public Optional<Run> findByIdempotencyKey(String user, String key) {
        return em.createQuery("SELECT r FROM Run r WHERE r.submittedBy = :user AND r.idempotencyKey = :key", Run.class)
                .setParameter("user", user)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /** A page of runs, newest first, after {@code cursor} (the last id of the previous page). */
    public RunPage list(String workflow, RunStatus status, int limit, String cursor) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("workflow", workflow);
        NewestFirst.Page<Run> page = NewestFirst.page(em, Run.class, filters, limit, cursor, Run::getId);
        return new RunPage(page.items(), page.nextCursor());
    }

    /** One page of runs and the cursor of the next page (null on the last). */
    public record RunPage(List<Run> runs, String nextCursor) {}
}

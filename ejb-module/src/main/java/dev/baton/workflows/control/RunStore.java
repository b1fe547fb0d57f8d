package dev.baton.workflows.control;

import dev.baton.workflows.entity.Run;
import dev.baton.workflows.entity.RunAction;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
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
        StringBuilder jpql = new StringBuilder("SELECT r FROM Run r WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        String lead = "";
        if (status != null) {
            jpql.append(" AND r.status = :status");
            params.put("status", status);
            lead = "r.status, ";
        }
        if (workflow != null) {
            jpql.append(" AND r.workflow = :workflow");
            params.put("workflow", workflow);
            lead = status == null ? "r.workflow, " : lead;
        }
        if (cursor != null) {
            jpql.append(" AND r.id < :cursor");
            params.put("cursor", cursor);
        }
        jpql.append(" ORDER BY ").append(lead).append("r.id DESC");
        TypedQuery<Run> query = em.createQuery(jpql.toString(), Run.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<Run> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = rows.get(rows.size() - 1).getId();
        }
        return new RunPage(rows, next);
    }

    /** One page of runs and the cursor of the next page (null on the last). */
    public record RunPage(List<Run> runs, String nextCursor) {}
}

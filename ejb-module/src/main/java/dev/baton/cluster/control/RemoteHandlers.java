package dev.baton.cluster.control;

import dev.baton.cluster.entity.MemberState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handler names remote workers serve: those of every worker that has not left (a DEAD worker may
 * come back, so its tasks wait). Cached per node; a name missing from the cache is looked up in the
 * database once (another node may have registered it), and the cluster ticker refreshes the cache so
 * names whose last worker left disappear.
 */
@ApplicationScoped
public class RemoteHandlers {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public boolean serves(String handler) {
        if (known.contains(handler)) {
            return true;
        }
        boolean served = !em.createQuery(
                        "SELECT h FROM Worker w JOIN w.handlers h WHERE h = :h AND w.state <> :left", String.class)
                .setParameter("h", handler)
                .setParameter("left", MemberState.LEFT)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (served) {
            known.add(handler);
        }
        return served;
    }

    public void added(Collection<String> handlers) {
        known.addAll(handlers);
    }

    /** Every remote handler name with the number of workers (not left) that serve it. */
    public Map<String, Long> workersByHandler() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT h, COUNT(w) FROM Worker w JOIN w.handlers h WHERE w.state <> :left GROUP BY h",
                        Object[].class)
                .setParameter("left", MemberState.LEFT)
                .getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Reloads the cache from the database. */
    public void refresh() {
        Set<String> current = workersByHandler().keySet();
        known.retainAll(current);
        known.addAll(current);
    }
}

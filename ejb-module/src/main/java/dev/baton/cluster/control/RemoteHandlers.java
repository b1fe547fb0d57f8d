package dev.baton.cluster.control;

import dev.baton.cluster.entity.MemberState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    private final AtomicLong tickets = new AtomicLong();
    private long applied;

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

    /**
     * Reloads the cache from the database. A reload that started before a later one finished is
     * dropped, so a slow periodic reload cannot bring back a name whose last worker just left.
     */
    public void refresh() {
        long ticket = tickets.incrementAndGet();
        Set<String> current = workersByHandler().keySet();
        synchronized (known) {
            if (ticket < applied) {
                return;
            }
            applied = ticket;
            known.retainAll(current);
            known.addAll(current);
        }
    }

    /** Of {@code handlers}, those no worker that has not left serves (call after the leave is flushed). */
    public Set<String> orphaned(Collection<String> handlers) {
        Set<String> orphaned = new java.util.TreeSet<>(handlers);
        orphaned.removeAll(workersByHandler().keySet());
        return orphaned;
    }

    /**
     * A worker left: once that is committed, forget the handlers nobody else serves (a periodic reload
     * that started earlier is dropped).
     */
    void workerLeft(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkerLeft left) {
        synchronized (known) {
            applied = tickets.incrementAndGet();
            known.removeAll(left.orphanedHandlers());
        }
    }
}

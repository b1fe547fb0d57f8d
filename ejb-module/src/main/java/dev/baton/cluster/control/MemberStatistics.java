package dev.baton.cluster.control;

import dev.baton.tasks.entity.AttemptOutcome;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * Computes {@link Statistics} from the attempts history, so every node reports the same figures for a
 * member whichever node served it.
 */
@Dependent
public class MemberStatistics {

    public static final Duration WINDOW = Duration.ofHours(1);
    private static final EnumSet<AttemptOutcome> FAILED =
            EnumSet.of(AttemptOutcome.FAILED, AttemptOutcome.TIMED_OUT, AttemptOutcome.INTERRUPTED);

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    public Statistics ofWorker(String workerId, int threads, long since, long now) {
        return of("a.worker = :member", workerId, threads, since, now);
    }

    public Statistics ofNode(String node, int threads, long since, long now) {
        return of("a.node = :member AND a.worker IS NULL", node, threads, since, now);
    }

    /** {@code since}: when the member joined; the window starts at the later of that and an hour ago. */
    private Statistics of(String memberClause, String member, int threads, long since, long now) {
        long from = Math.max(since, now - WINDOW.toMillis());
        String ended = " FROM TaskAttempt a WHERE " + memberClause + " AND a.endTime >= :from";
        Object[] totals = param(
                        em.createQuery("SELECT COUNT(a), SUM(a.endTime - a.startTime)" + ended, Object[].class),
                        member,
                        from)
                .getSingleResult();
        long processed = ((Number) totals[0]).longValue();
        if (processed == 0) {
            return Statistics.NONE;
        }
        long busyMs = totals[1] == null ? 0 : ((Number) totals[1]).longValue();
        long failed = param(
                        em.createQuery("SELECT COUNT(a)" + ended + " AND a.outcome IN :failed", Long.class),
                        member,
                        from)
                .setParameter("failed", FAILED)
                .getSingleResult();
        List<Long> p95 = param(
                        em.createQuery(
                                "SELECT a.endTime - a.startTime" + ended + " ORDER BY a.endTime - a.startTime DESC",
                                Long.class),
                        member,
                        from)
                .setFirstResult(Statistics.p95RankFromTop(processed))
                .setMaxResults(1)
                .getResultList();
        return new Statistics(
                processed,
                failed,
                busyMs / processed,
                p95.isEmpty() ? 0 : p95.get(0),
                Statistics.busyRatio(busyMs, threads, now - from));
    }

    private static <T> TypedQuery<T> param(TypedQuery<T> query, String member, long from) {
        return query.setParameter("member", member).setParameter("from", from);
    }
}

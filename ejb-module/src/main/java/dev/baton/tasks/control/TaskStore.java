package dev.baton.tasks.control;

import dev.baton.infrastructure.collections.Chunks;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskAttempt;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads tasks and attempts. Runs in its caller's transaction. */
@Dependent
public class TaskStore {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    public Optional<Task> find(String id) {
        return Optional.ofNullable(em.find(Task.class, id));
    }

    /**
     * For each of {@code ids} that exists, whether it is terminal: one query per 500 ids, reading only
     * ids and statuses. Ids not in the map do not exist (yet, or any more).
     */
    public Map<String, Boolean> terminalAmong(Collection<String> ids) {
        Map<String, Boolean> terminal = new HashMap<>();
        for (List<String> chunk : Chunks.of(List.copyOf(ids), 500)) {
            for (Object[] row : em.createQuery("SELECT t.id, t.status FROM Task t WHERE t.id IN :ids", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList()) {
                terminal.put((String) row[0], ((TaskStatus) row[1]).isTerminal());
            }
        }
        return terminal;
    }

    /** Just the task's status (a cheap read: no JSON columns). */
    public Optional<TaskStatus> status(String id) {
        return em.createQuery("SELECT t.status FROM Task t WHERE t.id = :id", TaskStatus.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** The task, row-locked until the transaction ends: status changes are serialized per task. */
    public Optional<Task> lock(String id) {
        return Optional.ofNullable(em.find(Task.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The tasks among {@code ids} that exist, by id, row-locked until the transaction ends. */
    public Map<String, Task> lockAll(List<String> ids) {
        Map<String, Task> tasks = new java.util.HashMap<>();
        for (Task task : em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids", Task.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            tasks.put(task.getId(), task);
        }
        return tasks;
    }

    public Optional<TaskAttempt> attempt(String taskId, int number) {
        return Optional.ofNullable(em.find(TaskAttempt.class, TaskAttempt.idOf(taskId, number)));
    }

    /** The highest attempt number recorded for the task; 0 before its first attempt. */
    public int lastAttemptNumber(String taskId) {
        Integer last = em.createQuery("SELECT MAX(a.number) FROM TaskAttempt a WHERE a.taskId = :id", Integer.class)
                .setParameter("id", taskId)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** The task's most recent attempt, if it ever ran. */
    public Optional<TaskAttempt> latestAttempt(String taskId) {
        int last = lastAttemptNumber(taskId);
        return last == 0 ? Optional.empty() : attempt(taskId, last);
    }

    public List<TaskAttempt> attempts(String taskId) {
        return em.createQuery("SELECT a FROM TaskAttempt a WHERE a.taskId = :id ORDER BY a.number", TaskAttempt.class)
                .setParameter("id", taskId)
                .getResultList();
    }

    public Optional<Task> findByIdempotencyKey(String user, String key) {
        return em.createQuery(
                        "SELECT t FROM Task t WHERE t.submittedBy = :user AND t.idempotencyKey = :key", Task.class)
                .setParameter("user", user)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    public TaskPage list(TaskQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Task t WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.status() != null) {
            jpql.append(" AND t.status = :status");
            params.put("status", query.status());
        }
        if (query.handler() != null) {
            jpql.append(" AND t.handler = :handler");
            params.put("handler", query.handler());
        }
        if (query.user() != null) {
            jpql.append(" AND t.submittedBy = :user");
            params.put("user", query.user());
        }
        if (query.parent() != null) {
            jpql.append(" AND t.parentId = :parent");
            params.put("parent", query.parent());
        }
        if (query.priorityMin() != null) {
            jpql.append(" AND t.priority >= :priorityMin");
            params.put("priorityMin", query.priorityMin());
        }
        if (query.cursor() != null) {
            jpql.append(" AND t.id < :cursor");
            params.put("cursor", query.cursor());
        }
        jpql.append(" ORDER BY ").append(leadingColumn(query)).append("t.id DESC");
        TypedQuery<Task> typed = em.createQuery(jpql.toString(), Task.class).setMaxResults(query.limit() + 1);
        params.forEach(typed::setParameter);
        List<Task> rows = new ArrayList<>(typed.getResultList());
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            next = rows.get(rows.size() - 1).getId();
        }
        return new TaskPage(rows, next);
    }

    /**
     * The filter column whose (column, id DESC) index serves the page, as an ORDER BY prefix. It is
     * constant under the filter, so the order is still newest first; naming it lets H2 see that the index
     * is already in the requested order (it does not skip equality-bound leading columns by itself) and
     * read just one page instead of sorting every matching row.
     */
    private static String leadingColumn(TaskQuery query) {
        if (query.parent() != null) {
            return "t.parentId, ";
        }
        if (query.status() != null) {
            return "t.status, ";
        }
        if (query.handler() != null) {
            return "t.handler, ";
        }
        if (query.user() != null) {
            return "t.submittedBy, ";
        }
        return "";
    }

    /** Tasks in {@code status} whose attempt runs on {@code node} itself (not on a remote worker it served). */
    public List<String> idsWithStatusOnNode(TaskStatus status, String node) {
        return em.createQuery(
                        "SELECT t.id FROM Task t WHERE t.status = :status AND t.node = :node AND t.worker IS NULL",
                        String.class)
                .setParameter("status", status)
                .setParameter("node", node)
                .getResultList();
    }

    /**
     * QUEUED tasks still on the first dispatch that {@code node} sends after their submission commits
     * (see {@link TaskLifecycle#submitWithoutDispatch}), in the order they were submitted.
     */
    public List<String> awaitingFirstDispatchFrom(String node) {
        return em.createQuery(
                        "SELECT t.id FROM Task t WHERE t.status = :status AND t.firstDispatchNode = :node"
                                + " AND t.dispatchSeq = 1 ORDER BY t.submitTime, t.id",
                        String.class)
                .setParameter("status", TaskStatus.QUEUED)
                .setParameter("node", node)
                .getResultList();
    }

    /** Tasks RUNNING on remote worker {@code worker}. */
    public List<String> idsRunningOnWorker(String worker) {
        return em.createQuery("SELECT t.id FROM Task t WHERE t.status = :status AND t.worker = :worker", String.class)
                .setParameter("status", TaskStatus.RUNNING)
                .setParameter("worker", worker)
                .getResultList();
    }

    /** How many tasks each remote worker is running. */
    public Map<String, Long> runningByWorker() {
        return countsBy(em.createQuery(
                        "SELECT t.worker, COUNT(t) FROM Task t WHERE t.status = :status AND t.worker IS NOT NULL"
                                + " GROUP BY t.worker",
                        Object[].class)
                .setParameter("status", TaskStatus.RUNNING));
    }

    /** How many tasks each node runs on its own dispatch consumers. */
    public Map<String, Long> runningByNode() {
        return countsBy(em.createQuery(
                        "SELECT t.node, COUNT(t) FROM Task t WHERE t.status = :status AND t.worker IS NULL"
                                + " GROUP BY t.node",
                        Object[].class)
                .setParameter("status", TaskStatus.RUNNING));
    }

    /** The (name → count) rows of a grouped count query. */
    private static Map<String, Long> countsBy(TypedQuery<Object[]> query) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    public List<String> idsWithStatus(TaskStatus status, int limit) {
        return em.createQuery("SELECT t.id FROM Task t WHERE t.status = :status ORDER BY t.id", String.class)
                .setParameter("status", status)
                .setMaxResults(limit)
                .getResultList();
    }

    /** QUEUED tasks that have waited (since queued or last aged) longer than {@code olderThan}, oldest first. */
    public List<String> agingCandidates(long olderThan, int limit) {
        return em.createQuery(
                        "SELECT t.id FROM Task t WHERE t.status = :queued AND t.effectivePriority < 100"
                                + " AND t.queuedTime < :before AND (t.agedTime IS NULL OR t.agedTime < :before)"
                                + " AND (t.nextTime IS NULL OR t.nextTime < :before) ORDER BY t.queuedTime",
                        String.class)
                .setParameter("queued", TaskStatus.QUEUED)
                .setParameter("before", olderThan)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Children of a split, by index, in {@code [from, to)}. */
    public List<Task> children(String parentId, int from, int to) {
        return em.createQuery(
                        "SELECT t FROM Task t WHERE t.parentId = :parent AND t.childIndex >= :from"
                                + " AND t.childIndex < :to ORDER BY t.childIndex",
                        Task.class)
                .setParameter("parent", parentId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    public long countChildrenNotIn(String parentId, int from, int to, java.util.Collection<TaskStatus> statuses) {
        return em.createQuery(
                        "SELECT COUNT(t) FROM Task t WHERE t.parentId = :parent AND t.childIndex >= :from"
                                + " AND t.childIndex < :to AND t.status NOT IN :statuses",
                        Long.class)
                .setParameter("parent", parentId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("statuses", statuses)
                .getSingleResult();
    }

    public List<String> childIdsNotIn(String parentId, java.util.Collection<TaskStatus> statuses) {
        return em.createQuery(
                        "SELECT t.id FROM Task t WHERE t.parentId = :parent AND t.status NOT IN :statuses",
                        String.class)
                .setParameter("parent", parentId)
                .setParameter("statuses", statuses)
                .getResultList();
    }

    /** Count of tasks per status. */
    public Map<TaskStatus, Long> countByStatus() {
        Map<TaskStatus, Long> counts = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT t.status, COUNT(t) FROM Task t GROUP BY t.status", Object[].class)
                .getResultList()) {
            counts.put((TaskStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Queued tasks per effective-priority band (0-9, as JMS priorities). */
    public long[] queuedByBand() {
        long[] bands = new long[10];
        for (Object[] row : em.createQuery(
                        "SELECT t.effectivePriority, COUNT(t) FROM Task t WHERE t.status = :queued"
                                + " GROUP BY t.effectivePriority",
                        Object[].class)
                .setParameter("queued", TaskStatus.QUEUED)
                .getResultList()) {
            int priority = ((Number) row[0]).intValue();
            bands[Math.min(9, Math.max(0, priority) / 10)] += ((Number) row[1]).longValue();
        }
        return bands;
    }
}

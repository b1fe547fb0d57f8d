package dev.baton.cluster.control;

import dev.baton.cluster.entity.MemberState;
import dev.baton.cluster.entity.Node;
import dev.baton.cluster.entity.Worker;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and locks workers and nodes. */
@Dependent
public class Members {

    private static final EnumSet<MemberState> ALIVE =
            EnumSet.of(MemberState.ACTIVE, MemberState.DRAINING, MemberState.STOPPED);
    private static final EnumSet<MemberState> GONE = EnumSet.of(MemberState.DEAD, MemberState.LEFT);

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    public Optional<Worker> worker(String id) {
        return Optional.ofNullable(em.find(Worker.class, id));
    }

    /** The worker, row-locked; 404 problem when unknown. */
    public Worker lockWorker(String id) {
        Worker worker = em.find(Worker.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (worker == null) {
            throw ProblemException.notFound("worker", id);
        }
        return worker;
    }

    public void add(Worker worker) {
        em.persist(worker);
    }

    public void flush() {
        em.flush();
    }

    public List<Worker> workers() {
        return em.createQuery("SELECT w FROM Worker w ORDER BY w.name, w.id", Worker.class)
                .getResultList();
    }

    public Optional<Node> node(String name) {
        return Optional.ofNullable(em.find(Node.class, name));
    }

    public Optional<Node> lockNode(String name) {
        return Optional.ofNullable(em.find(Node.class, name, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(Node node) {
        em.persist(node);
    }

    public List<Node> nodes() {
        return em.createQuery("SELECT n FROM Node n ORDER BY n.name", Node.class)
                .getResultList();
    }

    /** Workers alive by their state whose last heartbeat is older than {@code before}. */
    public List<String> staleWorkers(long before) {
        return em.createQuery(
                        "SELECT w.id FROM Worker w WHERE w.state IN :alive AND w.heartbeatTime < :before", String.class)
                .setParameter("alive", ALIVE)
                .setParameter("before", before)
                .getResultList();
    }

    /** Nodes other than {@code self} alive by their state whose last heartbeat is older than {@code before}. */
    public List<String> staleNodes(String self, long before) {
        return em.createQuery(
                        "SELECT n.name FROM Node n WHERE n.state IN :alive AND n.heartbeatTime < :before"
                                + " AND n.name <> :self",
                        String.class)
                .setParameter("alive", ALIVE)
                .setParameter("before", before)
                .setParameter("self", self)
                .getResultList();
    }

    public List<String> drainingWorkers() {
        return em.createQuery("SELECT w.id FROM Worker w WHERE w.state = :draining", String.class)
                .setParameter("draining", MemberState.DRAINING)
                .getResultList();
    }

    /** Task id → worker id of tasks still RUNNING on a worker that is dead or left. */
    public Map<String, String> tasksOfGoneWorkers(int limit) {
        return pairs(em.createQuery(
                        "SELECT t.id, t.worker FROM Task t, Worker w WHERE t.worker = w.id AND t.status = :running"
                                + " AND w.state IN :gone",
                        Object[].class)
                .setParameter("running", TaskStatus.RUNNING)
                .setParameter("gone", GONE)
                .setMaxResults(limit));
    }

    /** Task id → node name of tasks still RUNNING on the own consumers of a node that is dead or left. */
    public Map<String, String> tasksOfGoneNodes(String self, int limit) {
        return pairs(em.createQuery(
                        "SELECT t.id, t.node FROM Task t, Node n WHERE t.node = n.name AND t.worker IS NULL"
                                + " AND t.status = :running AND n.state IN :gone AND n.name <> :self",
                        Object[].class)
                .setParameter("running", TaskStatus.RUNNING)
                .setParameter("gone", GONE)
                .setParameter("self", self)
                .setMaxResults(limit));
    }

    /** Task id → worker id of remote attempts running longer than their timeout plus {@code graceMillis}. */
    public Map<String, String> overdueRemoteTasks(long now, long graceMillis, int limit) {
        return pairs(em.createQuery(
                        "SELECT t.id, t.worker FROM Task t WHERE t.status = :running AND t.worker IS NOT NULL"
                                + " AND t.startTime + t.timeoutSeconds * 1000 + :grace < :now",
                        Object[].class)
                .setParameter("running", TaskStatus.RUNNING)
                .setParameter("grace", graceMillis)
                .setParameter("now", now)
                .setMaxResults(limit));
    }

    /** The (first column → second column) rows of a two-column query, in order. */
    private static Map<String, String> pairs(TypedQuery<Object[]> query) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            pairs.put((String) row[0], (String) row[1]);
        }
        return pairs;
    }

    /** Of {@code taskIds}, those RUNNING on {@code worker}. */
    public List<String> ownedBy(String worker, List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "SELECT t.id FROM Task t WHERE t.id IN :ids AND t.status = :running AND t.worker = :worker",
                        String.class)
                .setParameter("ids", taskIds)
                .setParameter("running", TaskStatus.RUNNING)
                .setParameter("worker", worker)
                .getResultList();
    }
}

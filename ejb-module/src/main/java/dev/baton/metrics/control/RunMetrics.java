package dev.baton.metrics.control;

import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.activities.entity.PluginRunStatus;
import dev.baton.activities.entity.PluginStage;
import dev.baton.workflows.entity.RunStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** COUNT queries over workflow runs, activity runs and plugin runs; every call queries, nothing is cached. */
@Dependent
public class RunMetrics {

    /** The statuses of a workflow run that count as active. */
    public static final Set<RunStatus> ACTIVE = EnumSet.of(RunStatus.RUNNING, RunStatus.WAITING, RunStatus.PAUSED);

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    /** Workflow runs per status, every status present (0 when none). */
    public Map<RunStatus, Long> runsByStatus() {
        Map<RunStatus, Long> counts = new LinkedHashMap<>();
        for (RunStatus s : RunStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT r.status, COUNT(r) FROM Run r GROUP BY r.status", Object[].class)
                .getResultList()) {
            counts.put((RunStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Active (RUNNING, WAITING, PAUSED) workflow runs per workflow; only workflows with some. */
    public Map<String, Long> activeRunsByWorkflow() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT r.workflow, COUNT(r) FROM Run r WHERE r.status IN :active GROUP BY r.workflow",
                        Object[].class)
                .setParameter("active", ACTIVE)
                .getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** RUNNING activity runs per activity; only activities with some. */
    public Map<String, Long> activeActivityRuns() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT a.activity, COUNT(a) FROM ActivityRun a WHERE a.status = :running"
                                + " GROUP BY a.activity",
                        Object[].class)
                .setParameter("running", ActivityRunStatus.RUNNING)
                .getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** InProgress plugin runs per activity and stage; only those with some. */
    public Map<String, Map<PluginStage, Long>> activePlugins() {
        Map<String, Map<PluginStage, Long>> counts = new TreeMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT a.activity, p.stage, COUNT(p) FROM ActivityPluginRun p, ActivityRun a"
                                + " WHERE p.runId = a.id AND p.status = :inProgress GROUP BY a.activity, p.stage",
                        Object[].class)
                .setParameter("inProgress", PluginRunStatus.IN_PROGRESS)
                .getResultList()) {
            counts.computeIfAbsent((String) row[0], a -> new TreeMap<>()).put((PluginStage) row[1], (Long) row[2]);
        }
        return counts;
    }
}

package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPlugin;
import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.ActivityRunStatus;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.persistence.NewestFirst;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activity runs: creating one freezes the activity's plan for its metadata (plugins registered later do
 * not join it). Callers provide the transaction.
 */
@ApplicationScoped
public class ActivityRuns {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    @Inject
    ActivityRegistry registry;

    @Inject
    Event<ActivityRunCreated> created;

    @Inject
    BatonConfig config;

    /** Stores a PENDING run with its plan (404 when the activity has no plugins); its job starts after commit. */
    public ActivityRun create(String activity, JsonObject metadata, String user) {
        return create(activity, metadata, user, null);
    }

    /** {@link #create(String, JsonObject, String)} on behalf of {@code origin} (told when the run ends). */
    public ActivityRun create(String activity, JsonObject metadata, String user, String origin) {
        ActivityPlan plan = registry.matching(activity, Metadata.of(metadata));
        ActivityRun run =
                new ActivityRun(Ids.newId(), activity, JsonDocuments.print(metadata), user, System.currentTimeMillis());
        run.setOrigin(origin);
        run.setNode(config.nodeName()); // its job starts on this node, after the commit
        em.persist(run);
        persist(run.getId(), plan.pre());
        persist(run.getId(), plan.parallel());
        persist(run.getId(), plan.post());
        em.flush();
        created.fire(new ActivityRunCreated(run.getId()));
        return run;
    }

    private void persist(String runId, List<ActivityPlugin> stage) {
        for (int i = 0; i < stage.size(); i++) {
            em.persist(new ActivityPluginRun(runId, stage.get(i), i));
        }
    }

    public Optional<ActivityRun> find(String id) {
        return Optional.ofNullable(em.find(ActivityRun.class, id));
    }

    /** The run (404 when unknown). */
    public ActivityRun run(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("activity run", id));
    }

    public Optional<ActivityRun> lock(String id) {
        return Optional.ofNullable(em.find(ActivityRun.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<ActivityPluginRun> lockPlugin(String runId, String plugin) {
        return Optional.ofNullable(em.find(
                ActivityPluginRun.class, new ActivityPluginRun.Key(runId, plugin), LockModeType.PESSIMISTIC_WRITE));
    }

    /** The run's plugins, by stage and running order. */
    public List<ActivityPluginRun> plugins(String runId) {
        return em
                .createQuery(
                        "SELECT p FROM ActivityPluginRun p WHERE p.runId = :run ORDER BY p.stage, p.position",
                        ActivityPluginRun.class)
                .setParameter("run", runId)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(ActivityPluginRun::getStage)
                        .thenComparingInt(ActivityPluginRun::getPosition))
                .toList();
    }

    /** The names of all the run's plugins (a query that loads no plugin, so each can be locked fresh). */
    public List<String> allPluginNames(String runId) {
        return em.createQuery(
                        "SELECT p.plugin FROM ActivityPluginRun p WHERE p.runId = :run ORDER BY p.plugin", String.class)
                .setParameter("run", runId)
                .getResultList();
    }

    /** The names of the run's plugins of one stage, in running order. */
    public List<String> pluginNames(String runId, PluginStage stage) {
        return plugins(runId).stream()
                .filter(p -> p.getStage() == stage)
                .map(ActivityPluginRun::getPlugin)
                .toList();
    }

    /** The ids of runs not yet ended (PENDING or RUNNING) whose job {@code node} runs, or no node yet; oldest first. */
    public List<String> unfinishedIds(String node) {
        return em.createQuery(
                        "SELECT r.id FROM ActivityRun r WHERE r.status IN :statuses"
                                + " AND (r.node = :node OR r.node IS NULL) ORDER BY r.id",
                        String.class)
                .setParameter("statuses", List.of(ActivityRunStatus.PENDING, ActivityRunStatus.RUNNING))
                .setParameter("node", node)
                .getResultList();
    }

    /**
     * A page of runs, newest first, after {@code cursor} (the last id of the previous page); {@code
     * activity} and {@code status} filter when not null.
     */
    public ActivityRunPage list(String activity, ActivityRunStatus status, int limit, String cursor) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("activity", activity);
        NewestFirst.Page<ActivityRun> page =
                NewestFirst.page(em, ActivityRun.class, filters, limit, cursor, ActivityRun::getId);
        return new ActivityRunPage(page.items(), page.nextCursor());
    }

    /** One page of activity runs and the cursor of the next page (null on the last). */
    public record ActivityRunPage(List<ActivityRun> runs, String nextCursor) {}
}

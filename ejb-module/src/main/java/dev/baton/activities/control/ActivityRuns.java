package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPlugin;
import dev.baton.activities.entity.ActivityPluginRun;
import dev.baton.activities.entity.ActivityRun;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
                .sorted(java.util.Comparator.comparing(ActivityPluginRun::getStage)
                        .thenComparingInt(ActivityPluginRun::getPosition))
                .toList();
    }

    /** The names of the run's plugins of one stage, in running order. */
    public List<String> pluginNames(String runId, PluginStage stage) {
        return plugins(runId).stream()
                .filter(p -> p.getStage() == stage)
                .map(ActivityPluginRun::getPlugin)
                .toList();
    }

    /** The ids of runs not yet ended (PENDING or RUNNING), oldest first. */
    public List<String> unfinishedIds() {
        return em.createQuery("SELECT r.id FROM ActivityRun r WHERE r.status IN :statuses ORDER BY r.id", String.class)
                .setParameter(
                        "statuses",
                        List.of(
                                dev.baton.activities.entity.ActivityRunStatus.PENDING,
                                dev.baton.activities.entity.ActivityRunStatus.RUNNING))
                .getResultList();
    }
}

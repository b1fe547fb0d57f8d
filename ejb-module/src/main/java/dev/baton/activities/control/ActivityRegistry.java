package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPlugin;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugins registered with each activity. An activity exists while it has plugins. Callers provide
 * the transaction.
 */
@ApplicationScoped
public class ActivityRegistry {

    /** Compiled filters, shared by every plan (filters were validated at registration). */
    private final SelectorCache selectors = new SelectorCache(1_000);

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    /** An activity and how many plugins each stage has. */
    public record ActivitySummary(String name, Map<PluginStage, Integer> plugins) {}

    /** A registration's outcome: the stored plugin, and whether it was new (else it replaced one). */
    public record Registered(ActivityPlugin plugin, boolean created) {}

    /** Registers the plugin, replacing one of the same name in the activity. */
    public Registered register(PluginRegistration registration, String user) {
        ActivityPlugin plugin = em.find(
                ActivityPlugin.class,
                new ActivityPlugin.Key(registration.activity(), registration.name()),
                LockModeType.PESSIMISTIC_WRITE);
        boolean created = plugin == null;
        if (created) {
            plugin = new ActivityPlugin(registration.activity(), registration.name());
        }
        plugin.replace(
                registration.stage(),
                registration.order(),
                registration.handler(),
                registration.filter(),
                registration.timeoutSeconds(),
                registration.optional(),
                registration.completion(),
                System.currentTimeMillis(),
                user);
        if (created) {
            em.persist(plugin);
        }
        try {
            em.flush(); // a concurrent first registration of the same name fails here (primary key)
        } catch (PersistenceException e) {
            throw ProblemException.conflict("plugin '" + registration.name() + "' of activity '"
                    + registration.activity() + "' was registered concurrently; register again to replace it");
        }
        return new Registered(plugin, created);
    }

    /** Removes the plugin (404 when the activity has no plugin of that name). */
    public void deregister(String activity, String plugin) {
        em.remove(plugin(activity, plugin));
    }

    /** One plugin (404 when the activity has no plugin of that name). */
    public ActivityPlugin plugin(String activity, String plugin) {
        ActivityPlugin found = em.find(ActivityPlugin.class, new ActivityPlugin.Key(activity, plugin));
        if (found == null) {
            throw ProblemException.notFound("plugin", activity + "/" + plugin);
        }
        return found;
    }

    /** The activity's plugins by stage and running order (404 when it has none). */
    public List<ActivityPlugin> plugins(String activity) {
        List<ActivityPlugin> plugins = em.createQuery(
                        "SELECT p FROM ActivityPlugin p WHERE p.activity = :activity", ActivityPlugin.class)
                .setParameter("activity", activity)
                .getResultList();
        if (plugins.isEmpty()) {
            throw ProblemException.notFound("activity", activity);
        }
        return plugins.stream().sorted(ActivityPlan.RUNNING_ORDER).toList();
    }

    /** Every activity with plugins, by name, with its plugin count per stage. */
    public List<ActivitySummary> activities() {
        List<Object[]> rows = em.createQuery(
                        "SELECT p.activity, p.stage, COUNT(p) FROM ActivityPlugin p GROUP BY p.activity, p.stage",
                        Object[].class)
                .getResultList();
        Map<String, Map<PluginStage, Integer>> counts = new TreeMap<>();
        for (Object[] row : rows) {
            Map<PluginStage, Integer> stages = counts.computeIfAbsent((String) row[0], a -> zeroCounts());
            stages.put((PluginStage) row[1], ((Number) row[2]).intValue());
        }
        return counts.entrySet().stream()
                .map(e -> new ActivitySummary(e.getKey(), e.getValue()))
                .toList();
    }

    /** The plugins that run for {@code metadata}, per stage (404 when the activity has no plugins). */
    public ActivityPlan matching(String activity, Map<String, ?> metadata) {
        return ActivityPlan.of(activity, plugins(activity), metadata, selectors);
    }

    private static Map<PluginStage, Integer> zeroCounts() {
        Map<PluginStage, Integer> counts = new EnumMap<>(PluginStage.class);
        for (PluginStage stage : PluginStage.values()) {
            counts.put(stage, 0);
        }
        return counts;
    }
}

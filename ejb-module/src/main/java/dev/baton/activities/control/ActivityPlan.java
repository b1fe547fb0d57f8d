package dev.baton.activities.control;

import dev.baton.activities.entity.ActivityPlugin;
import dev.baton.activities.entity.PluginStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The plugins of an activity that run for one run's metadata, per stage and in running order: pre and
 * post by {@code order} (then name), parallel by name. Built by {@link #of}, a pure function of the
 * registered plugins and the metadata.
 */
public record ActivityPlan(
        String activity, List<ActivityPlugin> pre, List<ActivityPlugin> parallel, List<ActivityPlugin> post) {

    /** Sequential stages: by order, ties by name. */
    public static final Comparator<ActivityPlugin> BY_ORDER = Comparator.comparing(
                    ActivityPlugin::getOrder, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActivityPlugin::getName);

    public static final Comparator<ActivityPlugin> BY_NAME = Comparator.comparing(ActivityPlugin::getName);

    /** Stage, then the stage's running order: the order of {@code GET /api/activities/{name}}. */
    public static final Comparator<ActivityPlugin> RUNNING_ORDER = Comparator.comparing(ActivityPlugin::getStage)
            .thenComparing(
                    (a, b) -> a.getStage() == PluginStage.PARALLEL ? BY_NAME.compare(a, b) : BY_ORDER.compare(a, b));

    public ActivityPlan {
        pre = List.copyOf(pre);
        parallel = List.copyOf(parallel);
        post = List.copyOf(post);
    }

    /**
     * The plan for {@code metadata} (null: no attributes).
     *
     * @param selectors compiles (or finds cached) the selector of a filter text
     */
    public static ActivityPlan of(
            String activity,
            List<ActivityPlugin> plugins,
            Map<String, ?> metadata,
            Function<String, Selector> selectors) {
        List<ActivityPlugin> pre = new ArrayList<>();
        List<ActivityPlugin> parallel = new ArrayList<>();
        List<ActivityPlugin> post = new ArrayList<>();
        for (ActivityPlugin plugin : plugins) {
            if (plugin.getFilter() != null
                    && !selectors.apply(plugin.getFilter()).matches(metadata)) {
                continue;
            }
            switch (plugin.getStage()) {
                case PRE -> pre.add(plugin);
                case PARALLEL -> parallel.add(plugin);
                case POST -> post.add(plugin);
            }
        }
        pre.sort(BY_ORDER);
        parallel.sort(BY_NAME);
        post.sort(BY_ORDER);
        return new ActivityPlan(activity, pre, parallel, post);
    }

    /** Whether no plugin runs at all. */
    public boolean isEmpty() {
        return pre.isEmpty() && parallel.isEmpty() && post.isEmpty();
    }
}

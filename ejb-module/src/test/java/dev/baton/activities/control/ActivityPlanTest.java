package dev.baton.activities.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.activities.entity.ActivityPlugin;
import dev.baton.activities.entity.PluginCompletion;
import dev.baton.activities.entity.PluginStage;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.json.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityPlanTest {

    private final SelectorCache selectors = new SelectorCache(10);

    private static ActivityPlugin plugin(String name, PluginStage stage, Integer order, String filter) {
        ActivityPlugin plugin = new ActivityPlugin("billing", name);
        plugin.replace(stage, order, "h", filter, null, false, PluginCompletion.HANDLER, 0, "test");
        return plugin;
    }

    private static List<String> names(List<ActivityPlugin> plugins) {
        return plugins.stream().map(ActivityPlugin::getName).toList();
    }

    private final List<ActivityPlugin> plugins = List.of(
            plugin("post-b", PluginStage.POST, 2, null),
            plugin("pre-late", PluginStage.PRE, 10, null),
            plugin("par-z", PluginStage.PARALLEL, null, null),
            plugin("pre-eu", PluginStage.PRE, 1, "region = 'EU'"),
            plugin("par-big", PluginStage.PARALLEL, null, "region = 'EU' AND amount > 1000"),
            plugin("post-a", PluginStage.POST, 2, null),
            plugin("par-a", PluginStage.PARALLEL, null, "vip"),
            plugin("post-first", PluginStage.POST, 1, "region <> 'EU'"));

    @Test
    void sequentialStagesRunByOrderThenNameAndParallelByName() {
        ActivityPlan plan =
                ActivityPlan.of("billing", plugins, Map.of("region", "EU", "amount", 5000L, "vip", true), selectors);

        assertThat(names(plan.pre())).containsExactly("pre-eu", "pre-late");
        assertThat(names(plan.parallel())).containsExactly("par-a", "par-big", "par-z");
        assertThat(names(plan.post())).containsExactly("post-a", "post-b");
    }

    @Test
    void filtersThatDoNotMatchLeavePluginsOut() {
        ActivityPlan plan = ActivityPlan.of("billing", plugins, Map.of("region", "US", "amount", 5000L), selectors);

        assertThat(names(plan.pre())).containsExactly("pre-late");
        assertThat(names(plan.parallel())).containsExactly("par-z");
        assertThat(names(plan.post())).containsExactly("post-first", "post-a", "post-b");
    }

    @Test
    void absentAttributesAreNullSoComparisonsDoNotMatch() {
        ActivityPlan plan = ActivityPlan.of("billing", plugins, null, selectors);

        assertThat(names(plan.pre())).containsExactly("pre-late");
        assertThat(names(plan.parallel())).containsExactly("par-z");
        assertThat(names(plan.post())).containsExactly("post-a", "post-b");
    }

    @Test
    void anActivityWhoseFiltersAllFailHasAnEmptyPlan() {
        ActivityPlan plan = ActivityPlan.of(
                "billing", List.of(plugin("p", PluginStage.PARALLEL, null, "x = 1")), Map.of("x", 2L), selectors);

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void compiledSelectorsAreCachedByText() {
        ActivityPlan.of("billing", plugins, Map.of(), selectors);
        ActivityPlan.of("billing", plugins, Map.of("region", "EU"), selectors);

        assertThat(selectors.size()).isEqualTo(4);
        assertThat(selectors.apply("vip")).isSameAs(selectors.apply("vip"));
    }

    @Test
    void theCacheStaysBounded() {
        SelectorCache small = new SelectorCache(2);
        for (int i = 0; i < 10; i++) {
            small.apply("x = " + i);
        }
        assertThat(small.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void jsonMetadataBecomesSelectorValues() {
        Map<String, Object> metadata = Metadata.of(Json.createObjectBuilder()
                .add("region", "EU")
                .add("amount", 1500)
                .add("rate", 0.5)
                .add("vip", true)
                .addNull("none")
                .add("huge", new BigInteger("123456789012345678901234567890"))
                .build());

        assertThat(metadata)
                .containsEntry("region", "EU")
                .containsEntry("amount", 1500L)
                .containsEntry("rate", 0.5)
                .containsEntry("vip", true)
                .containsEntry("none", null);
        assertThat(metadata.get("huge")).isInstanceOf(Double.class);
        assertThat(Selector.compile("region = 'EU' AND amount > 1000 AND rate < 1 AND vip")
                        .matches(metadata))
                .isTrue();
    }

    @Test
    void planRequestsAreCheckedFor400s() {
        assertThat(Metadata.parsePlanRequest("")).isEmpty();
        assertThat(Metadata.parsePlanRequest("{\"metadata\":null}")).isEmpty();
        assertThat(Metadata.parsePlanRequest("{\"metadata\":{\"a\":\"b\"}}")).containsEntry("a", "b");
        for (String bad : List.of("{\"metadata\":[1]}", "{\"meta\":{}}", "[]", "{")) {
            assertThat(catchThrowableOfType(() -> Metadata.parsePlanRequest(bad), ProblemException.class)
                            .status())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    @Test
    void stageOrderListsPreThenParallelThenPost() {
        List<ActivityPlugin> sorted =
                plugins.stream().sorted(ActivityPlan.RUNNING_ORDER).toList();

        assertThat(names(sorted))
                .containsExactly("pre-eu", "pre-late", "par-a", "par-big", "par-z", "post-first", "post-a", "post-b");
    }
}

package dev.baton.activities.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.activities.entity.PluginRunStatus;
import jakarta.batch.api.partition.PartitionPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityPartitionMapperTest {

    @Test
    void onePartitionAndThreadPerPluginInPlanOrder() {
        PartitionPlan plan = ActivityPartitionMapper.plan(List.of("a", "b", "c"));

        assertThat(plan.getPartitions()).isEqualTo(3);
        assertThat(plan.getThreads()).isEqualTo(3);
        assertThat(plan.getPartitionProperties())
                .extracting(p -> p.getProperty("plugin"))
                .containsExactly("a", "b", "c");
    }

    @Test
    void noParallelPluginsIsOneEmptyPartition() {
        PartitionPlan plan = ActivityPartitionMapper.plan(List.of());

        assertThat(plan.getPartitions()).isEqualTo(1);
        assertThat(plan.getPartitionProperties()[0].getProperty("plugin")).isEmpty();
    }

    @Test
    void onlyARequiredPluginsErrorFailsTheRun() {
        assertThat(new PluginOutcome("p", PluginRunStatus.ERROR, false, "x").failsTheRun())
                .isTrue();
        assertThat(new PluginOutcome("p", PluginRunStatus.ERROR, true, "x").failsTheRun())
                .isFalse();
        assertThat(new PluginOutcome("p", PluginRunStatus.COMPLETE, false, null).failsTheRun())
                .isFalse();
    }
}

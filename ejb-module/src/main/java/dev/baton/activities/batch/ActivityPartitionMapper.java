package dev.baton.activities.batch;

import dev.baton.activities.entity.PluginStage;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * One partition per parallel plugin of the run's frozen plan, all on their own thread. Every plugin
 * gets a partition, in the plan's stable order, so partition numbers mean the same plugin on a restart
 * (whose partitions for Complete plugins are not re-run, and would do nothing if they were); a run
 * without parallel plugins gets one empty partition.
 */
@Named("activityPartitionMapper")
@Dependent
public class ActivityPartitionMapper implements PartitionMapper {

    @Inject
    @BatchProperty
    String runId;

    @EJB
    ActivityRunSteps steps;

    @Override
    public PartitionPlan mapPartitions() {
        return plan(steps.plugins(runId, PluginStage.PARALLEL));
    }

    static PartitionPlan plan(List<String> plugins) {
        List<String> names = plugins.isEmpty() ? List.of("") : plugins;
        Properties[] properties = new Properties[names.size()];
        for (int i = 0; i < names.size(); i++) {
            properties[i] = new Properties();
            properties[i].setProperty("plugin", names.get(i));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(names.size());
        plan.setThreads(names.size());
        plan.setPartitionProperties(properties);
        return plan;
    }
}

package dev.baton.tasks.batch;

import dev.baton.tasks.control.TaskStore;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/** One partition per contiguous range of child indexes; at most {@link #MAX_PARTITIONS}, run in parallel. */
@Named("splitPartitionMapper")
@Dependent
public class SplitPartitionMapper implements PartitionMapper {

    static final int MAX_PARTITIONS = 8;
    static final int MIN_RANGE = 50;

    @Inject
    @BatchProperty
    String parentId;

    @Inject
    TaskStore store;

    @Override
    public PartitionPlan mapPartitions() {
        int total = store.find(parentId).map(t -> t.getChildrenTotal()).orElse(0);
        int[][] ranges = ranges(total);
        Properties[] properties = new Properties[ranges.length];
        for (int i = 0; i < ranges.length; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("from", Integer.toString(ranges[i][0]));
            properties[i].setProperty("to", Integer.toString(ranges[i][1]));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(ranges.length);
        plan.setThreads(Math.max(1, ranges.length));
        plan.setPartitionProperties(properties);
        return plan;
    }

    /** [from, to) ranges covering 0..total: as few as MIN_RANGE allows, never more than MAX_PARTITIONS. */
    static int[][] ranges(int total) {
        if (total <= 0) {
            return new int[][] {{0, 0}};
        }
        int partitions = Math.max(1, Math.min(MAX_PARTITIONS, (total + MIN_RANGE - 1) / MIN_RANGE));
        int size = (total + partitions - 1) / partitions;
        partitions = (total + size - 1) / size;
        int[][] ranges = new int[partitions][];
        for (int i = 0; i < partitions; i++) {
            ranges[i] = new int[] {i * size, Math.min(total, (i + 1) * size)};
        }
        return ranges;
    }
}

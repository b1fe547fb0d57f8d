package dev.baton.tasks.batch;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Sends each finished partition's range to the analyzer. */
@Named("splitPartitionCollector")
@Dependent
public class SplitPartitionCollector implements PartitionCollector {

    @Inject
    StepContext step;

    @Override
    public Serializable collectPartitionData() {
        Object data = step.getTransientUserData();
        return data instanceof SplitPartitionResult result ? result : null;
    }
}

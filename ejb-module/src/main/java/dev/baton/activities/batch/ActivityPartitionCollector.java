package dev.baton.activities.batch;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Sends each finished partition's plugin outcome to the analyzer; {@link #NO_OUTCOME} for a partition
 * without one (the empty partition of a run without parallel plugins): JBeret cannot pass on null.
 */
@Named("activityPartitionCollector")
@Dependent
public class ActivityPartitionCollector implements PartitionCollector {

    static final String NO_OUTCOME = "no plugin outcome";

    @Inject
    StepContext step;

    @Override
    public Serializable collectPartitionData() {
        return step.getTransientUserData() instanceof PluginOutcome outcome ? outcome : NO_OUTCOME;
    }
}

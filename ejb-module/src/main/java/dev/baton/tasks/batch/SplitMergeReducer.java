package dev.baton.tasks.batch;

import dev.baton.tasks.boundary.MergeExecution;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.AbstractPartitionReducer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** After every partition completed: runs the parent's merge (once; a repeated call finds it done). */
@Named("splitMergeReducer")
@Dependent
public class SplitMergeReducer extends AbstractPartitionReducer {

    @Inject
    @BatchProperty
    String parentId;

    @EJB
    MergeExecution merge;

    @Override
    public void afterPartitionedStepCompletion(PartitionStatus status) {
        if (status == PartitionStatus.COMMIT) {
            merge.merge(parentId);
        }
    }
}

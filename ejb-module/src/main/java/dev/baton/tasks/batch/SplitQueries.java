package dev.baton.tasks.batch;

import dev.baton.tasks.control.TaskStore;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Short read transactions for the split job's polling. */
@Stateless
public class SplitQueries {

    @Inject
    TaskStore store;

    public boolean isWaiting(String parentId) {
        return store.find(parentId)
                .map(t -> t.getStatus() == TaskStatus.WAITING)
                .orElse(false);
    }

    public long unfinishedChildren(String parentId, int from, int to) {
        return store.countChildrenNotIn(parentId, from, to, TaskStatus.terminal());
    }
}

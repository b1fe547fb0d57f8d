package dev.baton.it;

import dev.baton.infrastructure.ids.Ids;
import dev.baton.infrastructure.jms.Destinations;
import dev.baton.tasks.control.DispatchGroup;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * In-container test helper: task rows and dispatch messages made by hand, bypassing the submission
 * path, to put the dispatch consumers in situations a normal submission does not produce on demand.
 */
@Stateless
public class TaskRows {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    /** Stores a QUEUED task whose first dispatch (sequence 1) was never sent; params are stored as given. */
    public String undispatched(String handler, String rawParams) {
        return undispatched(Ids.newId(), handler, rawParams);
    }

    /** {@link #undispatched(String, String)} under an id chosen beforehand. */
    public String undispatched(String id, String handler, String rawParams) {
        Task task = new Task(id, handler, 50, System.currentTimeMillis());
        task.setParams(rawParams);
        task.setMaxTries(3);
        task.setTimeoutSeconds(30);
        task.setSubmittedBy("it");
        em.persist(task);
        return task.getId();
    }

    /** Sends one group message naming {@code taskIds} with dispatch sequence 1 each. */
    public void sendGroup(List<String> taskIds) {
        DispatchGroup group = new DispatchGroup(
                taskIds.stream().map(id -> new DispatchGroup.Dispatch(id, 1)).toList());
        group.sendWith(jms.createProducer(), dispatchQueue);
    }

    public String status(String taskId) {
        return em.find(Task.class, taskId).getStatus().name();
    }

    /** Removes a task that never ran (it has no attempts). */
    public void deleteNeverRun(String taskId) {
        em.remove(em.find(Task.class, taskId));
    }

    /**
     * Marks a task SUCCEEDED by a bulk update, as another node's finish looks from here: no event on
     * this node, only the row changes.
     */
    public void finishElsewhere(String taskId) {
        em.createQuery("UPDATE Task t SET t.status = :status, t.endTime = :now WHERE t.id = :id")
                .setParameter("status", TaskStatus.SUCCEEDED)
                .setParameter("now", System.currentTimeMillis())
                .setParameter("id", taskId)
                .executeUpdate();
    }
}

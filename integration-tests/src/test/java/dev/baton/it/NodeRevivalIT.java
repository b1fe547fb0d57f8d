package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.cluster.boundary.NodeService;
import dev.baton.cluster.boundary.WorkerService;
import dev.baton.cluster.control.Members;
import dev.baton.cluster.control.WorkerRegistration;
import dev.baton.cluster.entity.Node;
import dev.baton.tasks.boundary.TaskService;
import dev.baton.tasks.control.TaskLifecycle;
import dev.baton.tasks.control.TaskRequestParser;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Another node of the cluster stops heartbeating while it runs a task: this node marks it DEAD after
 * its lease and re-queues the task (the attempt counts as interrupted). The other node is simulated by
 * its registry row and a task claimed in its name; the test server's node lease is shortened.
 */
@ExtendWith(ArquillianExtension.class)
class NodeRevivalIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(NodeRevivalIT.class);
    }

    @Inject
    Members members;

    @Resource
    UserTransaction tx;

    @EJB
    TaskService tasks;

    @EJB
    TaskLifecycle lifecycle;

    @EJB
    WorkerService workers;

    @EJB
    NodeService nodes;

    @Test
    void aSilentNodeIsDeadAndItsRunningTaskIsRequeued() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID();
        String handler = "it.ghost." + UUID.randomUUID();
        // a handler only a (silent) worker serves: nothing on this node will run the task meanwhile
        workers.register(WorkerRegistration.parse("{\"name\":\"holder\",\"handlers\":[\"" + handler + "\"]}"), "it");
        String id = tasks.submit(TaskRequestParser.parse("{\"handler\":\"" + handler + "\",\"maxTries\":3}"), "it")
                .taskId();
        tx.begin();
        members.add(new Node(ghost, "elsewhere", 4, System.currentTimeMillis() - 120_000));
        tx.commit();
        assertThat(lifecycle.claim(id, 1, ghost, null)).isNotNull();
        assertThat(tasks.get(id).getString("node")).isEqualTo(ghost);

        JsonObject requeued =
                InContainer.await().until(() -> tasks.get(id), t -> "QUEUED".equals(t.getString("status")));

        JsonObject attempt = requeued.getJsonArray("attempts").getJsonObject(0);
        assertThat(attempt.getString("outcome")).isEqualTo("INTERRUPTED");
        assertThat(attempt.getString("error")).contains("node " + ghost);
        assertThat(nodes.node(ghost).getString("status")).isEqualTo("DEAD");
        tasks.cancel(id);
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of {@code TransactionJms}, the JMS context dispatches are sent with: one per
 * transaction, its messages committed or rolled back with the transaction, refused outside one.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionJmsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(TransactionJmsIT.class, TransactionJmsProbe.class);
    }

    @EJB
    TransactionJmsProbe probe;

    @Test
    void aTransactionHasOneContextAndTheNextTransactionAnother() throws Exception {
        assertThat(probe.oneContextPerTransaction()).isTrue();
        assertThat(probe.aNewContextPerTransaction()).isTrue();
    }

    @Test
    void aMessageIsSentWhenItsTransactionCommitsAndNotWhenItRollsBack() throws Exception {
        String committed = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();

        probe.send(rolledBack, false);
        probe.send(committed, true);

        assertThat(probe.take(committed, 10_000)).as("the committed message").isTrue();
        // the committed one, sent after it, has arrived: a rolled-back message would have too
        assertThat(probe.take(rolledBack, 500)).as("the rolled-back message").isFalse();
    }

    @Test
    void withoutATransactionItRefusesToHandOutAContext() {
        assertThat(probe.outsideATransaction()).isNotNull().isAssignableTo(IllegalStateException.class);
    }
}

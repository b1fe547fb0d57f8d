package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sequential round trips on an idle server: each dispatch reaches an idle consumer at once, right after
 * the submission's commit (a REST submission sends its first dispatch after the commit; before, an XA
 * commit could let the message overtake the database). Each one must run its task instead of leaving
 * it QUEUED; a consumer that cannot see the row yet waits for it ({@code DispatchNotVisibleYet}).
 */
@ExtendWith(ArquillianExtension.class)
class DispatchVisibilityIT {

    private static final int ROUND_TRIPS = 100;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    @Test
    void everySequentialRoundTripOnAnIdleServerFinishes() {
        Api api = Api.admin();
        for (int i = 0; i < ROUND_TRIPS; i++) {
            Api.Reply reply = api.post("/api/tasks?wait=10", "{\"handler\":\"noop\"}");

            assertThat(reply.status()).as("round trip %d: %s", i, reply).isEqualTo(200);
            assertThat(reply.json().getString("status")).isEqualTo("SUCCEEDED");
        }
    }
}

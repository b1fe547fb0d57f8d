package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A custom command added through the SPI (a CDI bean deployed with Baton) is answered by the node. */
@ExtendWith(ArquillianExtension.class)
class CommandSpiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(ShoutCommand.class);
    }

    @Test
    void aCustomCommandRunsOnTheNode() {
        Api.Reply reply = Api.admin()
                .post(
                        "/api/commands?wait=20",
                        "{\"command\":\"it-shout\",\"target\":\"nodes\",\"args\":{\"text\":\"hi\"}}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject answer = reply.json().getJsonArray("results").getJsonObject(0);
        assertThat(answer.getBoolean("ok")).isTrue();
        assertThat(answer.getString("result")).isEqualTo("HI!");
    }
}

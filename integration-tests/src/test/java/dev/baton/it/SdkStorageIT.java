package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.sdk.Client;
import dev.baton.sdk.StorageEntry;
import jakarta.json.JsonValue;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK's storage client against the real server: put, get, compare-and-set, create-only, delete. */
@ExtendWith(ArquillianExtension.class)
class SdkStorageIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.baton();
    }

    @Test
    void theStorageClientReadsWritesAndComparesAndSets() {
        String root = "sdk" + Tasks.unique("").replace("-", "");
        try (Client baton =
                Client.builder().url(Api.BASE).credentials("worker", "worker").build()) {
            StorageEntry first = baton.storage().put(root + ".counter", 1);
            assertThat(first.version()).isEqualTo(1);

            assertThat(baton.storage().compareAndSet(root + ".counter", first.version(), 2))
                    .isTrue();
            assertThat(baton.storage().compareAndSet(root + ".counter", first.version(), 3))
                    .as("a stale version loses")
                    .isFalse();
            assertThat(baton.storage().get(root + ".counter", Integer.class)).contains(2);
            assertThat(baton.storage().create(root + ".counter", 9)).isFalse();
            assertThat(baton.storage().create(root + ".other", Map.of("a", "b")))
                    .isTrue();

            JsonValue tree = baton.storage().get(root).orElseThrow();
            assertThat(tree.asJsonObject().getInt("counter")).isEqualTo(2);
            assertThat(tree.asJsonObject().getJsonObject("other").getString("a"))
                    .isEqualTo("b");

            assertThat(baton.storage().delete(root)).isTrue();
            assertThat(baton.storage().get(root + ".counter")).isEmpty();
        }
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.storage.boundary.StorageService;
import dev.baton.storage.control.Precondition;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the storage's size limits are settings read on every call ({@code baton.storage.maxValueBytes},
 * {@code baton.storage.maxReadBytes}); over them a write or a subtree read is a 413 problem.
 */
@ExtendWith(ArquillianExtension.class)
class StorageLimitsIT {

    private static final String VALUE_LIMIT = "baton.storage.maxValueBytes";
    private static final String READ_LIMIT = "baton.storage.maxReadBytes";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.batonWith(StorageLimitsIT.class);
    }

    @EJB
    StorageService storage;

    private final String root = "lim-" + UUID.randomUUID();

    @AfterEach
    void defaults() {
        System.clearProperty(VALUE_LIMIT);
        System.clearProperty(READ_LIMIT);
    }

    @Test
    void aValueOverTheConfiguredLimitIs413() {
        System.setProperty(VALUE_LIMIT, "10");

        storage.write(root + ".ok", Json.createValue("12345678"), Precondition.NONE, "it"); // 10 bytes with quotes

        assertThatThrownBy(() -> storage.write(root + ".big", Json.createValue("123456789"), Precondition.NONE, "it"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("11 bytes, more than the 10 bytes");
                });
        assertThat(storage.read(root + ".big")).isEmpty();
    }

    @Test
    void aSubtreeReadOverTheConfiguredLimitIs413AndPathsFurtherDownStillRead() {
        for (int i = 0; i < 5; i++) {
            storage.write(root + ".s" + i + ".v", Json.createValue("x".repeat(100)), Precondition.NONE, "it");
        }
        System.setProperty(READ_LIMIT, "400");

        assertThatThrownBy(() -> storage.get(root)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.type()).isEqualTo("read-too-large");
            assertThat(e.getMessage()).contains("more than the 400 bytes one read may assemble");
        });
        assertThatThrownBy(() -> storage.getFlat(root))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> storage.getAll(false))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(storage.get(root + ".s1").value())
                .isEqualTo(JsonDocuments.parse("{\"v\":\"" + "x".repeat(100) + "\"}"));
        assertThat(storage.get(root + ".s1.v").version()).isEqualTo(1);
    }
}

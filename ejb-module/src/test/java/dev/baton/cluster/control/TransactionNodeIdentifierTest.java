package dev.baton.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionNodeIdentifierTest {

    @Test
    void aNodeAloneNeedsNoIdentifierOfItsOwn() {
        assertThat(TransactionNodeIdentifier.warning(null, "a", List.of())).isEmpty();
        assertThat(TransactionNodeIdentifier.warning("1", "a", List.of())).isEmpty();
    }

    @Test
    void theDefaultIdentifierNextToOtherNodesIsWarnedAboutNamingThemAndTheProperty() {
        for (String configured : new String[] {null, "1", " "}) {
            assertThat(TransactionNodeIdentifier.warning(configured, "a", List.of("b", "c")))
                    .as("configured %s", configured)
                    .hasValueSatisfying(w -> assertThat(w)
                            .contains("node a", "b, c", "-Djboss.tx.node.id=")
                            .contains("at most 23 bytes"));
        }
    }

    @Test
    void anIdentifierOfItsOwnNextToOtherNodesIsFine() {
        assertThat(TransactionNodeIdentifier.warning("node-a", "a", List.of("b")))
                .isEmpty();
    }
}

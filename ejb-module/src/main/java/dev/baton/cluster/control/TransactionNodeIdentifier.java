package dev.baton.cluster.control;

import java.util.List;
import java.util.Optional;

/**
 * The transaction manager's node identifier ({@code jboss.tx.node.id}, WildFly's default 1) must differ
 * between nodes that share a database (or a broker): Narayana's recovery takes the database's {@code
 * xids} rows (the Commit Markable Resource's markers) and the XA branches that carry its identifier for
 * its own, so with one identifier on two nodes, one node's recovery can act on transactions the other
 * is still completing, and the all-or-nothing outcome of a crashed transaction is no longer assured.
 */
public final class TransactionNodeIdentifier {

    /** The system property WildFly's configuration reads the identifier from. */
    public static final String PROPERTY = "jboss.tx.node.id";

    static final String DEFAULT = "1";

    private TransactionNodeIdentifier() {}

    /**
     * A warning for the log when this node runs with the default identifier while other nodes are
     * registered in its database; empty otherwise.
     *
     * @param configured the property's value, null when unset
     */
    public static Optional<String> warning(String configured, String self, List<String> otherNodes) {
        if (otherNodes.isEmpty() || (configured != null && !configured.isBlank() && !DEFAULT.equals(configured))) {
            return Optional.empty();
        }
        return Optional.of("node " + self + " shares its database with node(s) " + String.join(", ", otherNodes)
                + " but runs with the default transaction node identifier (" + PROPERTY + "=" + DEFAULT
                + "): give every node its own with -D" + PROPERTY + "=<unique, at most 23 bytes>, or the"
                + " transaction recovery of one node can act on another's transactions");
    }
}

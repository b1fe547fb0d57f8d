package dev.baton.storage.control;

import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The storage as other features use it (the javascript actions of workflows). Each call is a transaction
 * of its own, committed when it returns, also when the caller is inside a transaction.
 */
public interface StorageOperations {

    /** The value at {@code path}, or the subtree below it; empty when nothing is stored there. */
    Optional<StorageRead> read(String path);

    /**
     * Stores {@code value} at {@code path} if {@code precondition} holds.
     *
     * @throws dev.baton.infrastructure.problem.ProblemException 400 (bad path), 409 (the tree rule), 412
     *     (precondition failed), 413 (value too large)
     */
    Written write(String path, JsonValue value, Precondition precondition, String user);

    /** Deletes the value or subtree at {@code path}; false when nothing was stored there. 412 as for writes. */
    boolean remove(String path, Precondition precondition);
}

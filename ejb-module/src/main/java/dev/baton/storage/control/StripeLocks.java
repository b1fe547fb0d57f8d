package dev.baton.storage.control;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.storage.entity.StorageLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * This node's half of the per-root write lock: one fair lock per {@link StorageLock} stripe, held around
 * a write's whole transaction, commit included. The stripe row (updated in the transaction) orders writers
 * of different nodes on a shared database; this lock orders the writers of one node whatever the database
 * does. It is needed on H2 2.2.224: under parallel load its row locks let a second transaction through
 * the stripe row while the first still held it (seen in H2's trace as two writers of the same version,
 * and once as a primary key violation on an UPDATE that changed no key).
 */
@ApplicationScoped
public class StripeLocks {

    static final long WAIT_SECONDS = 30;

    private final ReentrantLock[] locks = new ReentrantLock[StorageLock.STRIPES];

    public StripeLocks() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /** Runs {@code work} (a whole transaction) holding the stripe of {@code path}'s root segment. */
    public <T> T holding(StoragePath path, Supplier<T> work) {
        ReentrantLock lock = locks[StorageLock.stripeOf(path.root())];
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw busy(path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(path);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static ProblemException busy(StoragePath path) {
        return new ProblemException(
                503,
                "storage-busy",
                "Storage busy",
                "writes to '" + path.root() + "' waited more than " + WAIT_SECONDS + " s for their turn; try again");
    }
}

package dev.baton.storage.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the {@link #STRIPES} lock rows (created by the migration). Every write locks the stripe of its
 * path's root segment first, so writes within one root tree happen one at a time and the tree rule (a
 * path holds either a value or children) can be checked and kept with plain reads. The lock is an UPDATE
 * that counts {@link #getWrites()}: it orders the writers of all nodes sharing a PostgreSQL database. The
 * writers of one node are also ordered in memory ({@code StripeLocks}), since on H2 2.2.224 neither
 * {@code SELECT ... FOR UPDATE} nor this UPDATE kept a second transaction out under parallel load.
 */
@Entity
@Table(name = "baton_storage_lock")
public class StorageLock {

    /** How many lock rows V9__storage.sql creates; never change it without a migration. */
    public static final int STRIPES = 64;

    @Id
    private int stripe;

    private long writes;

    protected StorageLock() {}

    /** The stripe of a root segment: stable across nodes and JVMs ({@link String#hashCode()} is specified). */
    public static int stripeOf(String rootSegment) {
        return Math.floorMod(rootSegment.hashCode(), STRIPES);
    }

    public int getStripe() {
        return stripe;
    }

    /** How many writes took this lock since the table was created. */
    public long getWrites() {
        return writes;
    }
}

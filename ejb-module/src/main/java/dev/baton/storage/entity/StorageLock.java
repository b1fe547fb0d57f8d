package dev.baton.storage.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the {@link #STRIPES} lock rows (created by the migration). Every write locks the stripe of its
 * path's root segment first, so writes within one root tree happen one at a time and the tree rule (a
 * path holds either a value or children) can be checked and kept with plain reads. The lock is taken by
 * an UPDATE that counts {@link #getWrites()}, never by {@code SELECT ... FOR UPDATE} alone: under load H2
 * 2.2 let two transactions hold FOR UPDATE on the same, otherwise unchanged row at once (seen in its trace
 * as lost compare-and-set updates), whereas a row one transaction changed stays locked to the others.
 */
@Entity
@Table(name = "baton_storage_lock")
public class StorageLock {

    /** How many lock rows V6__storage.sql creates; never change it without a migration. */
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

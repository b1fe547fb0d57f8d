package dev.baton.infrastructure.ids;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Task ids are UUIDv7 strings: unique across nodes without a database round trip, and ordered by
 * creation time, so ordering by id is ordering by submission (keyset paging relies on it).
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {}

    public static String newId() {
        long millis;
        long seq;
        synchronized (Ids.class) {
            millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                sequence++;
                if (sequence > 0xFFF) { // 4096 ids in one millisecond: borrow the next one
                    lastMillis = ++millis;
                    sequence = 0;
                }
            } else {
                lastMillis = millis;
                sequence = 0;
            }
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * A stable id for child {@code index} of a parent's split {@code generation}: created idempotently,
     * so derived from those three by hashing. It carries the parent's creation time in the UUIDv7
     * timestamp bits, so ordering by id still orders by submission: a newest-first listing shows the
     * children next to their parent, never ahead of tasks submitted after it.
     */
    public static String childId(String parentId, int generation, int index) {
        UUID hash =
                UUID.nameUUIDFromBytes((parentId + "/" + generation + "/" + index).getBytes(StandardCharsets.UTF_8));
        long msb = (timestampOf(parentId) << 16) | 0x7000L | (hash.getMostSignificantBits() & 0xFFFL);
        long lsb = (hash.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The creation time (epoch ms) in a UUIDv7 id; 0 for anything else. */
    static long timestampOf(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.version() == 7 ? uuid.getMostSignificantBits() >>> 16 : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}

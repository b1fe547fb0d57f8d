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

    /** A stable id derived from a parent id and an index (children of a split are created idempotently). */
    public static String childId(String parentId, int index) {
        byte[] name = (parentId + "/" + index).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}

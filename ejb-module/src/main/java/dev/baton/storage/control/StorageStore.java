package dev.baton.storage.control;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import dev.baton.storage.entity.StorageEntry;
import dev.baton.storage.entity.StorageLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the storage tree. Callers provide the transaction, and for writes hold the {@link
 * StripeLocks} stripe of the path around it.
 *
 * <p>Writes first lock the {@link StorageLock} stripe of the path's root segment (by an UPDATE of its row),
 * so writes within one
 * root tree run one at a time; then they check the precondition and the tree rule (a path holds either a
 * value or children: 409 otherwise) against what is committed, and keep the interior nodes: a write
 * creates the missing ancestors, a delete removes the ancestors it left without children. Reads lock
 * nothing: a subtree is read with one statement, so it is one consistent snapshot.
 */
@ApplicationScoped
public class StorageStore {

    private static final String BELOW = "e.path LIKE :pattern ESCAPE '" + StoragePath.LIKE_ESCAPE + "'";

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    @Inject
    BatonConfig config;

    /** The value at {@code path} with its version, or the subtree below it; empty when nothing is there. */
    public Optional<StorageRead> read(StoragePath path) {
        StorageEntry entry = em.find(StorageEntry.class, path.text());
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.hasValue()) {
            return Optional.of(new StorageRead(path.text(), parse(entry), entry.getVersion()));
        }
        Map<String, JsonValue> values = values(path);
        if (values.isEmpty()) {
            return Optional.empty(); // deleted since the find
        }
        return Optional.of(new StorageRead(path.text(), StorageTree.nested(path, values), null));
    }

    /**
     * {@code {"a.b.c": value, ...}} for the value at {@code path} (with its version) or every value below it;
     * empty when nothing is there.
     */
    public Optional<StorageRead> readFlat(StoragePath path) {
        StorageEntry entry = em.find(StorageEntry.class, path.text());
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.hasValue()) {
            return Optional.of(new StorageRead(
                    path.text(), StorageTree.flat(Map.of(path.text(), parse(entry))), entry.getVersion()));
        }
        Map<String, JsonValue> values = values(path);
        return values.isEmpty()
                ? Optional.empty()
                : Optional.of(new StorageRead(path.text(), StorageTree.flat(values), null));
    }

    /** The whole tree, nested or flat; {@code {}} when the storage is empty. */
    public JsonObject readAll(boolean flat) {
        Map<String, JsonValue> values = values(null);
        return flat ? StorageTree.flat(values) : StorageTree.nested(null, values);
    }

    /**
     * Stores {@code value} at {@code path}: 412 when the precondition fails, 409 when {@code path} has
     * children or an ancestor holds a value.
     */
    public Written write(StoragePath path, StorageValue value, Precondition precondition, String user) {
        lock(path);
        StorageEntry current = em.find(StorageEntry.class, path.text());
        precondition.check(path.text(), versionOf(current), current != null);
        if (current != null && !current.hasValue()) {
            throw conflict(
                    path.text(),
                    "'" + path + "' has children (a subtree); a path holds either a value or "
                            + "children: delete the subtree first, or write below it");
        }
        long now = System.currentTimeMillis();
        createAncestors(path, now, user);
        if (current == null) {
            current = StorageEntry.value(path.text(), path.parentText(), value.json(), value.bytes(), now, user);
            em.persist(current);
            return new Written(new StoredValue(path.text(), current.getVersion(), value.value()), true);
        }
        current.replace(value.json(), value.bytes(), now, user);
        return new Written(new StoredValue(path.text(), current.getVersion(), value.value()), false);
    }

    /** Deletes the value or the whole subtree at {@code path}; false when nothing is there. 412 as for writes. */
    public boolean delete(StoragePath path, Precondition precondition) {
        lock(path);
        StorageEntry current = em.find(StorageEntry.class, path.text());
        precondition.check(path.text(), versionOf(current), current != null);
        if (current == null) {
            return false;
        }
        if (!current.hasValue()) {
            em.createQuery("DELETE FROM StorageEntry e WHERE " + BELOW)
                    .setParameter("pattern", path.descendantPattern())
                    .executeUpdate();
        }
        em.remove(current);
        em.flush();
        pruneAncestors(path);
        return true;
    }

    /** Locks the stripe of the path's root segment until the transaction ends, by updating its row. */
    private void lock(StoragePath path) {
        int stripe = StorageLock.stripeOf(path.root());
        int locked = em.createQuery("UPDATE StorageLock l SET l.writes = l.writes + 1 WHERE l.stripe = :stripe")
                .setParameter("stripe", stripe)
                .executeUpdate();
        if (locked != 1) {
            throw new IllegalStateException(
                    "storage lock row " + stripe + " is missing: the schema migration V6 did not run");
        }
    }

    /** Creates the interior nodes above {@code path} that are missing; 409 when one of them holds a value. */
    private void createAncestors(StoragePath path, long now, String user) {
        List<String> ancestors = path.ancestors();
        if (ancestors.isEmpty()) {
            return;
        }
        Map<String, StorageEntry> existing = new HashMap<>();
        em.createQuery("SELECT e FROM StorageEntry e WHERE e.path IN :paths", StorageEntry.class)
                .setParameter("paths", ancestors)
                .getResultList()
                .forEach(e -> existing.put(e.getPath(), e));
        for (String ancestor : ancestors) {
            StorageEntry entry = existing.get(ancestor);
            if (entry != null && entry.hasValue()) {
                throw conflict(
                        ancestor,
                        "'" + ancestor + "' holds a value; a path holds either a value or children: " + "delete '"
                                + ancestor + "' first to store values below it");
            }
        }
        for (String ancestor : ancestors) {
            if (!existing.containsKey(ancestor)) {
                StoragePath node = StoragePath.parse(ancestor);
                em.persist(StorageEntry.interior(ancestor, node.parentText(), now, user));
            }
        }
    }

    /** Removes the interior nodes above {@code path} that no longer have children, the deepest first. */
    private void pruneAncestors(StoragePath path) {
        for (String parent = path.parentText();
                parent != null;
                parent = StoragePath.parse(parent).parentText()) {
            long children = em.createQuery("SELECT COUNT(e) FROM StorageEntry e WHERE e.parent = :parent", Long.class)
                    .setParameter("parent", parent)
                    .getSingleResult();
            if (children > 0) {
                return;
            }
            StorageEntry node = em.find(StorageEntry.class, parent);
            if (node == null) {
                return;
            }
            em.remove(node);
        }
    }

    /** The values strictly below {@code below} (all values when null), bounded by {@code baton.storage.maxReadBytes}. */
    private Map<String, JsonValue> values(StoragePath below) {
        // by the value, not e.hasValue: EclipseLink sends booleans to H2 as 1, which H2 will not compare
        // with a BOOLEAN column (a value node always has JSON text, "null" included; interior nodes none)
        String where = "e.value IS NOT NULL" + (below == null ? "" : " AND " + BELOW);
        TypedQuery<Object[]> size = em.createQuery(
                "SELECT SUM(e.valueBytes), SUM(LENGTH(e.path)) FROM StorageEntry e WHERE " + where, Object[].class);
        TypedQuery<StorageEntry> entries =
                em.createQuery("SELECT e FROM StorageEntry e WHERE " + where + " ORDER BY e.path", StorageEntry.class);
        if (below != null) {
            size.setParameter("pattern", below.descendantPattern());
            entries.setParameter("pattern", below.descendantPattern());
        }
        Object[] totals = size.getSingleResult();
        long bytes = number(totals[0]) + number(totals[1]);
        checkReadSize(below, bytes);
        Map<String, JsonValue> values = new LinkedHashMap<>();
        bytes = 0;
        for (StorageEntry entry : entries.getResultList()) {
            bytes += entry.getValueBytes() + entry.getPath().length();
            values.put(entry.getPath(), parse(entry));
        }
        checkReadSize(below, bytes); // grown between the two statements
        return values;
    }

    private void checkReadSize(StoragePath below, long bytes) {
        long limit = config.storageMaxReadBytes();
        if (bytes > limit) {
            String what = below == null ? "the whole storage" : "the subtree at '" + below + "'";
            throw new ProblemException(
                    413,
                    "read-too-large",
                    "Subtree too large to read",
                    what + " holds " + bytes + " bytes of values and paths, more than the " + limit
                            + " bytes one read may assemble; read paths further down",
                    List.of(new Violation(StoragePath.FIELD, "subtree larger than " + limit + " bytes")),
                    Map.of("limitBytes", limit));
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Long versionOf(StorageEntry entry) {
        return entry != null && entry.hasValue() ? entry.getVersion() : null;
    }

    private static JsonValue parse(StorageEntry entry) {
        return JsonDocuments.parseStored(entry.getValue());
    }

    private static ProblemException conflict(String conflictingPath, String message) {
        return new ProblemException(
                409,
                "conflict",
                "Conflict with the current state",
                message,
                List.of(new Violation(StoragePath.FIELD, message)),
                Map.of("conflictingPath", conflictingPath));
    }
}

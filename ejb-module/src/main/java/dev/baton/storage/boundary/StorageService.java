package dev.baton.storage.boundary;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.storage.control.Precondition;
import dev.baton.storage.control.StorageOperations;
import dev.baton.storage.control.StoragePath;
import dev.baton.storage.control.StorageRead;
import dev.baton.storage.control.StorageStore;
import dev.baton.storage.control.StorageValue;
import dev.baton.storage.control.StripeLocks;
import dev.baton.storage.control.Written;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The shared storage. Every read and every write is a transaction of its own: a workflow script's write
 * commits when the call returns, whatever becomes of the run's transaction, as a REST call would. A write
 * runs without a transaction here ({@code NOT_SUPPORTED}: the caller's is suspended) while it waits for
 * its root's {@link StripeLocks stripe}, then in {@link StorageTransactions}. Its views: the bean itself
 * (REST) and {@link StorageOperations} (workflows inject that).
 */
@Stateless
@LocalBean
@Local(StorageOperations.class)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StorageService implements StorageOperations {

    @Inject
    StorageStore store;

    @Inject
    StripeLocks stripes;

    @Inject
    BatonConfig config;

    @EJB
    StorageTransactions transactions;

    @Override
    public Optional<StorageRead> read(String path) {
        return store.read(StoragePath.parse(path));
    }

    /** The value at {@code path} or its subtree; 404 when nothing is stored there. */
    public StorageRead get(String path) {
        StoragePath parsed = StoragePath.parse(path);
        return store.read(parsed).orElseThrow(() -> nothingAt(parsed));
    }

    /**
     * {@code {"a.b": value, ...}} for the value at {@code path} (with its version) or every value below it;
     * 404 when none.
     */
    public StorageRead getFlat(String path) {
        StoragePath parsed = StoragePath.parse(path);
        return store.readFlat(parsed).orElseThrow(() -> nothingAt(parsed));
    }

    /** The whole storage, nested by segment or flat by path. */
    public JsonObject getAll(boolean flat) {
        return store.readAll(flat);
    }

    /** A REST PUT: the path is checked before the body is parsed (400 for either), then the size (413). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Written put(String path, String body, Precondition precondition, String user) {
        StoragePath parsed = StoragePath.parse(path);
        return write(parsed, JsonDocuments.parse(body), precondition, user);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Written write(String path, JsonValue value, Precondition precondition, String user) {
        if (value == null) {
            throw ProblemException.badRequest("value", "is required (JSON null is a value)");
        }
        return write(StoragePath.parse(path), value, precondition, user);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean remove(String path, Precondition precondition) {
        StoragePath parsed = StoragePath.parse(path);
        return stripes.holding(parsed, () -> transactions.delete(parsed, precondition));
    }

    /** A REST DELETE: 404 when nothing is stored at {@code path}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(String path, Precondition precondition) {
        StoragePath parsed = StoragePath.parse(path);
        if (!stripes.holding(parsed, () -> transactions.delete(parsed, precondition))) {
            throw nothingAt(parsed);
        }
    }

    private Written write(StoragePath path, JsonValue value, Precondition precondition, String user) {
        StorageValue stored = StorageValue.of(value, config.storageMaxValueBytes());
        return stripes.holding(path, () -> transactions.write(path, stored, precondition, user));
    }

    private static ProblemException nothingAt(StoragePath path) {
        return new ProblemException(404, "not-found", "Not found", "nothing is stored at '" + path + "'");
    }
}

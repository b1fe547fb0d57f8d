package dev.baton.storage.boundary;

import dev.baton.storage.control.Precondition;
import dev.baton.storage.control.StoragePath;
import dev.baton.storage.control.StorageStore;
import dev.baton.storage.control.StorageValue;
import dev.baton.storage.control.Written;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The storage's writes, each a transaction of its own. Only {@link StorageService} calls them, holding the
 * path's stripe lock until they returned, so a write's commit is complete before the next one on the same
 * root starts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StorageTransactions {

    @Inject
    StorageStore store;

    public Written write(StoragePath path, StorageValue value, Precondition precondition, String user) {
        return store.write(path, value, precondition, user);
    }

    public boolean delete(StoragePath path, Precondition precondition) {
        return store.delete(path, precondition);
    }
}

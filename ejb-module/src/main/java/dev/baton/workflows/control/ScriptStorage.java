package dev.baton.workflows.control;

import dev.baton.storage.control.StorageOperations;
import java.util.Objects;

/** The shared storage as a javascript action sees it: {@code operations}, writing as {@code user}. */
public record ScriptStorage(StorageOperations operations, String user) {

    public ScriptStorage {
        Objects.requireNonNull(operations);
    }
}

/**
 * Storage persistence: one {@link dev.baton.storage.entity.StorageEntry} per node of the tree (a value, or
 * an interior node while it has children) and the {@link dev.baton.storage.entity.StorageLock} rows writers
 * serialize on.
 */
package dev.baton.storage.entity;

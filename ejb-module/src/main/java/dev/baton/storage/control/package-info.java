/**
 * Storage logic: {@link dev.baton.storage.control.StoragePath} (dot paths), {@link
 * dev.baton.storage.control.Precondition} (If-Match / If-None-Match), {@link
 * dev.baton.storage.control.StorageTree} (assembling subtrees) and {@link
 * dev.baton.storage.control.StorageStore} (reads, and writes serialized per root segment keeping the tree
 * rule: a path holds either a value or children).
 */
package dev.baton.storage.control;

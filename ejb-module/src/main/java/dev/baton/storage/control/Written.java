package dev.baton.storage.control;

/** A write's outcome: the value stored, and whether the path was new (201) or replaced (200). */
public record Written(StoredValue stored, boolean created) {}

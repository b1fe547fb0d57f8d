package dev.baton.storage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One node of the storage tree. A node either holds a value ({@link #hasValue()}, its JSON text and a
 * version that starts at 1 and grows by one with every replacement) or is an interior node, which exists
 * exactly while some path below it holds a value. The version is Baton's own counter, not a JPA
 * {@code @Version}: writers are serialized by {@link StorageLock}.
 */
@Entity
@Table(name = "baton_storage_entry")
public class StorageEntry {

    @Id
    @Column(length = 500)
    private String path;

    /** The parent's path; null for a path of one segment. */
    @Column(length = 500)
    private String parent;

    @Column(name = "has_value")
    private boolean hasValue;

    /** The value as compact JSON text; null for an interior node. */
    @Lob
    @Column(name = "stored_value")
    private String value;

    @Column(name = "value_bytes")
    private int valueBytes;

    private long version;

    @Column(name = "updated_time")
    private long updatedTime;

    @Column(name = "updated_by", length = 200)
    private String updatedBy;

    protected StorageEntry() {}

    private StorageEntry(String path, String parent) {
        this.path = path;
        this.parent = parent;
    }

    /** A new value node at version 1. */
    public static StorageEntry value(String path, String parent, String json, int bytes, long now, String user) {
        StorageEntry entry = new StorageEntry(path, parent);
        entry.hasValue = true;
        entry.value = json;
        entry.valueBytes = bytes;
        entry.version = 1;
        entry.updatedTime = now;
        entry.updatedBy = user;
        return entry;
    }

    /** A new interior node (it gets children in the same transaction). */
    public static StorageEntry interior(String path, String parent, long now, String user) {
        StorageEntry entry = new StorageEntry(path, parent);
        entry.hasValue = false;
        entry.updatedTime = now;
        entry.updatedBy = user;
        return entry;
    }

    /** Replaces the value of a value node and increments its version. */
    public void replace(String json, int bytes, long now, String user) {
        if (!hasValue) {
            throw new IllegalStateException("an interior node holds no value: " + path);
        }
        this.value = json;
        this.valueBytes = bytes;
        this.version++;
        this.updatedTime = now;
        this.updatedBy = user;
    }

    public String getPath() {
        return path;
    }

    public String getParent() {
        return parent;
    }

    public boolean hasValue() {
        return hasValue;
    }

    public String getValue() {
        return value;
    }

    public int getValueBytes() {
        return valueBytes;
    }

    public long getVersion() {
        return version;
    }

    public long getUpdatedTime() {
        return updatedTime;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}

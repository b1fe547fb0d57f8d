package dev.baton.workflows.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One saved version of a workflow definition (the JSON as submitted). Deleting a workflow hides its versions. */
@Entity
@Table(name = "baton_workflow")
@IdClass(WorkflowVersion.Key.class)
public class WorkflowVersion {

    @Id
    @Column(length = 100)
    private String name;

    @Id
    private int version;

    @Lob
    @Column(nullable = false)
    private String definition;

    @Column(name = "created_time")
    private long createdTime;

    @Column(name = "created_by")
    private String createdBy;

    private boolean deleted;

    protected WorkflowVersion() {}

    public WorkflowVersion(String name, int version, String definition, long createdTime, String createdBy) {
        this.name = name;
        this.version = version;
        this.definition = definition;
        this.createdTime = createdTime;
        this.createdBy = createdBy;
    }

    public String getName() {
        return name;
    }

    public int getVersion() {
        return version;
    }

    public String getDefinition() {
        return definition;
    }

    public long getCreatedTime() {
        return createdTime;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void delete() {
        this.deleted = true;
    }

    /** The composite primary key (name, version). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private int version;

        public Key() {}

        public Key(String name, int version) {
            this.name = name;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && k.version == version;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + version;
        }
    }
}

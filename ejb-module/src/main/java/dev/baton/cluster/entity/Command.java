package dev.baton.cluster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A command sent to cluster members ({@code POST /api/commands}). */
@Entity
@Table(name = "baton_command")
public class Command {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 100)
    private String name;

    @Lob
    private String args;

    @Column(nullable = false, length = 250)
    private String target;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_time")
    private long createdTime;

    protected Command() {}

    public Command(String id, String name, String args, String target, String createdBy, long createdTime) {
        this.id = id;
        this.name = name;
        this.args = args;
        this.target = target;
        this.createdBy = createdBy;
        this.createdTime = createdTime;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getArgs() {
        return args;
    }

    public String getTarget() {
        return target;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getCreatedTime() {
        return createdTime;
    }
}

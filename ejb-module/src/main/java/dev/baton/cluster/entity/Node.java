package dev.baton.cluster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Baton server node: it runs local handlers on its dispatch consumers and serves worker polls. */
@Entity
@Table(name = "baton_node")
public class Node extends ClusterMember {

    @Id
    @Column(length = 200)
    private String name;

    @Column(name = "started_time")
    private long startedTime;

    protected Node() {}

    public Node(String name, String host, int threads, long now) {
        super(host, threads, now);
        this.name = name;
        this.startedTime = now;
    }

    @Override
    public String describe() {
        return "node " + name;
    }

    /** The node (re)started: a new incarnation, ACTIVE whatever the last one ended as. */
    public void started(String host, int threads, long now) {
        restart(host, threads, now);
        this.startedTime = now;
    }

    public String getName() {
        return name;
    }

    public long getStartedTime() {
        return startedTime;
    }
}

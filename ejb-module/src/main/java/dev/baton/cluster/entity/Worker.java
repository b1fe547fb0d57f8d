package dev.baton.cluster.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** A remote worker process that registered handler names and pulls tasks for them. */
@Entity
@Table(name = "baton_worker")
public class Worker extends ClusterMember {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_time")
    private long registeredTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "baton_worker_handler", joinColumns = @JoinColumn(name = "worker_id"))
    @Column(name = "handler", length = 200)
    private Set<String> handlers = new TreeSet<>();

    protected Worker() {}

    public Worker(String id, String name, String host, int threads, String registeredBy, long now) {
        super(host, threads, now);
        this.id = id;
        this.name = name;
        this.registeredBy = registeredBy;
        this.registeredTime = now;
    }

    @Override
    public String describe() {
        return "worker " + name + " (" + id + ")";
    }

    /** Adds handler names; true when any was new. */
    public boolean serve(Collection<String> names) {
        return handlers.addAll(names);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public long getRegisteredTime() {
        return registeredTime;
    }

    public Set<String> getHandlers() {
        return new TreeSet<>(handlers);
    }
}

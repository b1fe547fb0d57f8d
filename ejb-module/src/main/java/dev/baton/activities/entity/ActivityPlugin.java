package dev.baton.activities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Objects;

/**
 * A plugin registered with an activity. Re-registering the same (activity, name) replaces the plugin's
 * settings in place ({@link #replace}), since plugins register again on every start.
 */
@Entity
@Table(name = "baton_activity_plugin")
@IdClass(ActivityPlugin.Key.class)
public class ActivityPlugin {

    @Id
    @Column(length = 100)
    private String activity;

    @Id
    @Column(length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PluginStage stage;

    /** The position within a sequential stage; null for {@link PluginStage#PARALLEL}. */
    @Column(name = "plugin_order")
    private Integer order;

    @Column(nullable = false, length = 200)
    private String handler;

    /** A message selector over the run's metadata attributes; null matches every run. */
    @Lob
    @Column(name = "filter_selector")
    private String filter;

    @Column(name = "timeout_seconds")
    private Integer timeoutSeconds;

    @Column(name = "is_optional")
    private boolean optional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PluginCompletion completion = PluginCompletion.HANDLER;

    @Column(name = "registered_time")
    private long registeredTime;

    @Column(name = "registered_by", length = 200)
    private String registeredBy;

    @Version
    private long version;

    protected ActivityPlugin() {}

    public ActivityPlugin(String activity, String name) {
        this.activity = activity;
        this.name = name;
    }

    /** Sets every registered setting (a new registration or a replacement). */
    public void replace(
            PluginStage stage,
            Integer order,
            String handler,
            String filter,
            Integer timeoutSeconds,
            boolean optional,
            PluginCompletion completion,
            long registeredTime,
            String registeredBy) {
        this.stage = Objects.requireNonNull(stage);
        this.order = stage.sequential() ? order : null;
        this.handler = Objects.requireNonNull(handler);
        this.filter = filter;
        this.timeoutSeconds = timeoutSeconds;
        this.optional = optional;
        this.completion = Objects.requireNonNull(completion);
        this.registeredTime = registeredTime;
        this.registeredBy = registeredBy;
    }

    public String getActivity() {
        return activity;
    }

    public String getName() {
        return name;
    }

    public PluginStage getStage() {
        return stage;
    }

    public Integer getOrder() {
        return order;
    }

    public String getHandler() {
        return handler;
    }

    public String getFilter() {
        return filter;
    }

    public Integer getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public boolean isOptional() {
        return optional;
    }

    public PluginCompletion getCompletion() {
        return completion;
    }

    public long getRegisteredTime() {
        return registeredTime;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public long getVersion() {
        return version;
    }

    /** The composite primary key (activity, name). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String activity;
        private String name;

        public Key() {}

        public Key(String activity, String name) {
            this.activity = activity;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.activity.equals(activity) && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(activity, name);
        }
    }
}

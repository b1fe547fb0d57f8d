package dev.baton.cluster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** What remote workers and server nodes share: capacity, heartbeat, lifecycle state and drain deadline. */
@MappedSuperclass
public abstract class ClusterMember {

    private String host;

    private int threads;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberState state;

    @Column(name = "heartbeat_time")
    private long heartbeatTime;

    @Column(name = "state_time")
    private long stateTime;

    @Column(name = "drain_deadline")
    private Long drainDeadline;

    @Version
    private long version;

    protected ClusterMember() {}

    protected ClusterMember(String host, int threads, long now) {
        this.host = host;
        this.threads = threads;
        this.state = MemberState.ACTIVE;
        this.heartbeatTime = now;
        this.stateTime = now;
    }

    /** How operators and logs name this member. */
    public abstract String describe();

    public void moveTo(MemberState target, long now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalMemberTransition(describe(), state, target);
        }
        state = target;
        stateTime = now;
        if (target != MemberState.DRAINING) {
            drainDeadline = null;
        }
    }

    /** Starts draining: no new work; in-flight work may finish until {@code deadline}. */
    public void drain(long deadline, long now) {
        moveTo(MemberState.DRAINING, now);
        drainDeadline = deadline;
    }

    /**
     * An operator's drain: ACTIVE starts draining, a draining member gets the new deadline, a STOPPED
     * one is drained already. False (nothing changes) for a DEAD or LEFT member.
     */
    public boolean requestDrain(long deadline, long now) {
        switch (state) {
            case ACTIVE -> drain(deadline, now);
            case DRAINING -> drainDeadline = deadline;
            case STOPPED -> {
                // drained already
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * An operator's resume: a draining or STOPPED member takes work again, an ACTIVE one already does.
     * False (nothing changes) for a DEAD or LEFT member.
     */
    public boolean requestResume(long now) {
        switch (state) {
            case DRAINING, STOPPED -> moveTo(MemberState.ACTIVE, now);
            case ACTIVE -> {
                // taking work already
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Heard from: refreshes the heartbeat, and a DEAD member is alive again. */
    public void heardFrom(long now) {
        heartbeatTime = Math.max(heartbeatTime, now);
        if (state == MemberState.DEAD) {
            moveTo(MemberState.ACTIVE, now);
        }
    }

    /** A fresh incarnation (a node starting again): ACTIVE, whatever it was. */
    protected void restart(String host, int threads, long now) {
        this.host = host;
        this.threads = threads;
        this.state = MemberState.ACTIVE;
        this.heartbeatTime = now;
        this.stateTime = now;
        this.drainDeadline = null;
    }

    public String getHost() {
        return host;
    }

    public int getThreads() {
        return threads;
    }

    protected void setThreads(int threads) {
        this.threads = threads;
    }

    public MemberState getState() {
        return state;
    }

    public long getHeartbeatTime() {
        return heartbeatTime;
    }

    public long getStateTime() {
        return stateTime;
    }

    public Long getDrainDeadline() {
        return drainDeadline;
    }
}

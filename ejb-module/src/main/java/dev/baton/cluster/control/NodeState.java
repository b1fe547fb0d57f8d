package dev.baton.cluster.control;

import dev.baton.cluster.entity.MemberState;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This node's own state as its dispatch consumers see it (no database read per message): the
 * membership sets it at start-up, on every tick from the node's row, and at once on a local drain.
 */
@ApplicationScoped
public class NodeState {

    private volatile MemberState state = MemberState.ACTIVE;

    public MemberState state() {
        return state;
    }

    public void set(MemberState state) {
        this.state = state;
    }

    /** Whether this node's dispatch consumers start new task attempts. */
    public boolean takesWork() {
        return state.takesWork();
    }
}

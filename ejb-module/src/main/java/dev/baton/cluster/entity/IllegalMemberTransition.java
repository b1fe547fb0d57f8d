package dev.baton.cluster.entity;

/** A member state change the {@link MemberState} table does not allow. */
public class IllegalMemberTransition extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MemberState from;
    private final MemberState to;

    public IllegalMemberTransition(String member, MemberState from, MemberState to) {
        super(member + " is " + from + " and cannot become " + to + " (allowed: " + from.allowedTargets() + ")");
        this.from = from;
        this.to = to;
    }

    public MemberState from() {
        return from;
    }

    public MemberState to() {
        return to;
    }
}

package dev.baton.cluster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One recipient of a command ({@code node:<name>} or {@code worker:<id>}) and its answer. */
@Entity
@Table(name = "baton_command_recipient")
@IdClass(CommandRecipient.Key.class)
public class CommandRecipient {

    @Id
    @Column(name = "command_id", length = 36)
    private String commandId;

    @Id
    @Column(length = 250)
    private String member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RecipientStatus status;

    @Lob
    private String result;

    @Lob
    private String error;

    @Column(name = "answer_time")
    private Long answerTime;

    protected CommandRecipient() {}

    public CommandRecipient(String commandId, String member) {
        this.commandId = commandId;
        this.member = member;
        this.status = RecipientStatus.PENDING;
    }

    public void delivered() {
        moveTo(RecipientStatus.DELIVERED);
    }

    /** Records the answer; false (and nothing changes) when one was recorded already. */
    public boolean answer(boolean ok, String result, String error, long now) {
        if (status.isAnswered()) {
            return false;
        }
        moveTo(ok ? RecipientStatus.OK : RecipientStatus.FAILED);
        this.result = result;
        this.error = error;
        this.answerTime = now;
        return true;
    }

    private void moveTo(RecipientStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException(
                    "command " + commandId + " for " + member + " is " + status + " and cannot become " + target);
        }
        status = target;
    }

    public String getCommandId() {
        return commandId;
    }

    public String getMember() {
        return member;
    }

    public RecipientStatus getStatus() {
        return status;
    }

    public String getResult() {
        return result;
    }

    public String getError() {
        return error;
    }

    public Long getAnswerTime() {
        return answerTime;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String commandId;
        private String member;

        public Key() {}

        public Key(String commandId, String member) {
            this.commandId = commandId;
            this.member = member;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.commandId.equals(commandId) && key.member.equals(member);
        }

        @Override
        public int hashCode() {
            return Objects.hash(commandId, member);
        }
    }
}

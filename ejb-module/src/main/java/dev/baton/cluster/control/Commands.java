package dev.baton.cluster.control;

import dev.baton.cluster.entity.Command;
import dev.baton.cluster.entity.CommandRecipient;
import dev.baton.cluster.entity.RecipientStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Stores commands and their recipients' answers. */
@Dependent
public class Commands {

    @PersistenceContext(unitName = "baton")
    EntityManager em;

    public void add(Command command, List<CommandRecipient> recipients) {
        em.persist(command);
        recipients.forEach(em::persist);
        em.flush();
    }

    public Optional<Command> find(String id) {
        return Optional.ofNullable(em.find(Command.class, id));
    }

    public List<CommandRecipient> recipients(String commandId) {
        return em.createQuery(
                        "SELECT r FROM CommandRecipient r WHERE r.commandId = :id ORDER BY r.member",
                        CommandRecipient.class)
                .setParameter("id", commandId)
                .getResultList();
    }

    public Optional<CommandRecipient> lockRecipient(String commandId, String member) {
        return Optional.ofNullable(em.find(
                CommandRecipient.class, new CommandRecipient.Key(commandId, member), LockModeType.PESSIMISTIC_WRITE));
    }

    /** Commands still PENDING for {@code member}, each row-locked and re-checked (to be marked delivered). */
    public List<CommandRecipient> pendingFor(String member, int limit) {
        return em
                .createQuery(
                        "SELECT r.commandId FROM CommandRecipient r WHERE r.member = :member AND r.status = :pending",
                        String.class)
                .setParameter("member", member)
                .setParameter("pending", RecipientStatus.PENDING)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .flatMap(id -> lockRecipient(id, member).stream())
                .filter(r -> r.getStatus() == RecipientStatus.PENDING)
                .toList();
    }

    public List<Command> recent(int limit) {
        return em.createQuery("SELECT c FROM Command c ORDER BY c.createdTime DESC, c.id DESC", Command.class)
                .setMaxResults(limit)
                .getResultList();
    }
}

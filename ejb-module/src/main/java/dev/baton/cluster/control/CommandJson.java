package dev.baton.cluster.control;

import dev.baton.cluster.entity.Command;
import dev.baton.cluster.entity.CommandRecipient;
import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/** The JSON view of a command with every recipient's answer. */
public final class CommandJson {

    private CommandJson() {}

    public static JsonObjectBuilder of(Command command, List<CommandRecipient> recipients) {
        JsonArrayBuilder answers = Json.createArrayBuilder();
        int pending = 0;
        for (CommandRecipient r : recipients) {
            JsonObjectBuilder answer = Json.createObjectBuilder()
                    .add("member", r.getMember())
                    .add("status", r.getStatus().name());
            if (r.getStatus().isAnswered()) {
                answer.add("ok", r.getStatus() == dev.baton.cluster.entity.RecipientStatus.OK);
            } else {
                pending++;
            }
            answer.add("result", r.getResult() == null ? JsonValue.NULL : JsonDocuments.parseStored(r.getResult()));
            JsonMembers.text(answer, "error", r.getError());
            JsonMembers.time(answer, "answerTime", r.getAnswerTime());
            answers.add(answer);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", command.getId())
                .add("command", command.getName())
                .add("target", command.getTarget())
                .add("args", JsonDocuments.parseStored(command.getArgs()));
        JsonMembers.text(json, "createdBy", command.getCreatedBy());
        JsonMembers.time(json, "createdTime", command.getCreatedTime());
        return json.add("complete", pending == 0).add("pending", pending).add("results", answers);
    }

    /** A command as handed to a worker in a heartbeat answer. */
    public static JsonObjectBuilder forWorker(Command command) {
        return Json.createObjectBuilder()
                .add("id", command.getId())
                .add("name", command.getName())
                .add("args", JsonDocuments.parseStored(command.getArgs()));
    }
}

package dev.baton.tasks.control;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.json.JsonMembers;
import dev.baton.tasks.entity.Task;
import dev.baton.tasks.entity.TaskAttempt;
import dev.baton.tasks.entity.TaskStatus;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/** The JSON form of a task, as the REST API returns it and JMS replies carry it. Times are ISO-8601 UTC. */
public final class TaskJson {

    private TaskJson() {}

    public static JsonObject of(Task task, List<TaskAttempt> attempts) {
        JsonObjectBuilder json = summaryBuilder(task);
        JsonArrayBuilder history = JsonDocuments.builders().createArrayBuilder();
        for (TaskAttempt attempt : attempts) {
            JsonObjectBuilder a = JsonDocuments.builders().createObjectBuilder().add("number", attempt.getNumber());
            JsonMembers.text(a, "node", attempt.getNode());
            JsonMembers.text(a, "worker", attempt.getWorker());
            JsonMembers.time(a, "start", attempt.getStartTime());
            JsonMembers.time(a, "end", attempt.getEndTime());
            JsonMembers.text(
                    a,
                    "outcome",
                    attempt.getOutcome() == null ? null : attempt.getOutcome().name());
            JsonMembers.text(a, "error", attempt.getError());
            history.add(a);
        }
        return json.add("attempts", history).build();
    }

    /** Whether the task in this JSON form has reached a terminal status. */
    public static boolean isTerminal(JsonObject task) {
        return TaskStatus.valueOf(task.getString("status")).isTerminal();
    }

    public static JsonObject summary(Task task) {
        return summaryBuilder(task).build();
    }

    private static JsonObjectBuilder summaryBuilder(Task task) {
        JsonObjectBuilder json = JsonDocuments.builders().createObjectBuilder().add("id", task.getId());
        JsonMembers.text(json, "name", task.getName());
        json.add("handler", task.getHandler())
                .add("status", task.getStatus().name())
                .add("priority", task.getPriority())
                .add("effectivePriority", task.getEffectivePriority());
        json.add("params", valueOrNull(task.getParams()));
        json.add("result", valueOrNull(task.getResult()));
        JsonMembers.text(json, "error", task.getError());
        json.add("tries", task.getTries())
                .add("maxTries", task.getMaxTries())
                .add("timeoutSeconds", task.getTimeoutSeconds());
        JsonMembers.time(json, "submitTime", task.getSubmitTime());
        JsonMembers.time(json, "startTime", task.getStartTime());
        JsonMembers.time(json, "endTime", task.getEndTime());
        JsonMembers.time(json, "nextTime", task.getNextTime());
        Long duration = task.durationMs();
        if (duration == null) {
            json.addNull("durationMs");
        } else {
            json.add("durationMs", duration);
        }
        JsonMembers.text(json, "node", task.getNode());
        JsonMembers.text(json, "worker", task.getWorker());
        if (task.getProgressPercent() != null || task.getProgressMessage() != null) {
            JsonObjectBuilder progress = Json.createObjectBuilder();
            if (task.getProgressPercent() != null) {
                progress.add("percent", task.getProgressPercent());
            }
            JsonMembers.text(progress, "message", task.getProgressMessage());
            json.add("progress", progress);
        } else {
            json.addNull("progress");
        }
        JsonMembers.text(json, "user", task.getSubmittedBy());
        JsonMembers.text(json, "idempotencyKey", task.getIdempotencyKey());
        JsonMembers.text(json, "parentId", task.getParentId());
        if (task.getChildIndex() != null) {
            json.add("childIndex", task.getChildIndex());
        }
        json.add("childrenTotal", task.getChildrenTotal()).add("childrenCompleted", task.getChildrenCompleted());
        if (task.getBatchExecutionId() != null) {
            json.add("batchExecutionId", task.getBatchExecutionId());
        }
        return json;
    }

    private static JsonValue valueOrNull(String storedJson) {
        JsonValue value = JsonDocuments.parseStored(storedJson);
        return value == null ? JsonValue.NULL : value;
    }
}

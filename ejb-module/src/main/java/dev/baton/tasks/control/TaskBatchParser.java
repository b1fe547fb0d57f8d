package dev.baton.tasks.control;

import static dev.baton.infrastructure.json.RequestFields.describe;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch submission body, {@code {"tasks": [<task>, ...]}} with 1 to {@link #MAX_TASKS} tasks, each
 * as {@code POST /api/tasks} takes it. Every problem of every task is reported at once, its field
 * pointer prefixed with the task's place ({@code /tasks/3/priority}); 400 if any part is malformed,
 * else 422. Two tasks of one batch may not share an idempotency key.
 */
public final class TaskBatchParser {

    public static final int MAX_TASKS = 1000;

    private TaskBatchParser() {}

    public static List<TaskRequest> parse(String body) {
        JsonValue document = JsonDocuments.parse(body);
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest(
                    "body", "must be a JSON object {\"tasks\": [...]}, not " + describe(document));
        }
        JsonObject json = document.asJsonObject();
        for (String field : json.keySet()) {
            if (!field.equals("tasks")) {
                throw ProblemException.badRequest("/" + field, "unknown field (known: tasks)");
            }
        }
        JsonValue tasks = json.get("tasks");
        if (tasks == null || tasks.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ProblemException.badRequest(
                    "/tasks", "must be an array of tasks, not " + (tasks == null ? "missing" : describe(tasks)));
        }
        int size = tasks.asJsonArray().size();
        if (size == 0 || size > MAX_TASKS) {
            throw ProblemException.invalid(
                    List.of(new Violation("/tasks", "must hold 1 to " + MAX_TASKS + " tasks (has " + size + ")")));
        }
        List<TaskRequest> requests = new ArrayList<>(size);
        List<Violation> violations = new ArrayList<>();
        boolean malformed = false;
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < size; i++) {
            String prefix = "/tasks/" + i;
            try {
                TaskRequest request =
                        TaskRequestParser.parse(tasks.asJsonArray().get(i));
                if (request.idempotencyKey() != null && !keys.add(request.idempotencyKey())) {
                    violations.add(
                            new Violation(prefix + "/idempotencyKey", "repeats a key used earlier in the batch"));
                }
                requests.add(request);
            } catch (ProblemException e) {
                malformed |= e.status() == 400;
                if (e.violations().isEmpty()) {
                    violations.add(new Violation(prefix, e.getMessage()));
                }
                e.violations().forEach(v -> violations.add(new Violation(prefix + prefixed(v.field()), v.message())));
            }
        }
        if (!violations.isEmpty()) {
            if (malformed) {
                throw ProblemException.malformed(violations);
            }
            throw ProblemException.invalid(violations);
        }
        return requests;
    }

    private static String prefixed(String field) {
        return field.startsWith("/") ? field : "/" + field;
    }
}

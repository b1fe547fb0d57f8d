package dev.baton.sdk;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers the commands heartbeat answers carry: each command id once (the last 1000 are remembered), on
 * the worker's command thread, by its {@link CommandHandler} ({@code {"ok":true,"result":…}}) or, for an
 * unknown name or a throwing hook, {@code {"ok":false,"error":…}}, posted to
 * {@code /api/commands/{id}/results/{workerId}}.
 */
final class CommandAnswers {

    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final int SEEN_COMMANDS = 1000;

    private final Transport http;
    private final WorkerSettings settings;
    private final WorkerThreads threads;
    private final Set<String> seen =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > SEEN_COMMANDS;
                }
            }));

    CommandAnswers(Transport http, WorkerSettings settings, WorkerThreads threads) {
        this.http = http;
        this.settings = settings;
        this.threads = threads;
    }

    /**
     * Answers {@code command} (for the registration {@code workerId}) on the command thread, unless its id
     * was seen before.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the worker is shutting down
     */
    void offer(String workerId, JsonObject command) {
        String commandId = JsonCodec.text(command, "id");
        if (commandId != null && seen.add(commandId)) {
            threads.commands().execute(() -> answer(workerId, commandId, command));
        }
    }

    private void answer(String workerId, String commandId, JsonObject command) {
        String commandName = JsonCodec.text(command, "name");
        JsonValue args = command.get("args");
        CommandHandler handler =
                commandName == null ? null : settings.commands().get(commandName);
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (handler == null) {
            answer.add("ok", false).add("error", "unknown command '" + commandName + "' on worker " + settings.name());
        } else {
            try {
                Object result =
                        handler.handle(args instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT);
                answer.add("ok", true).add("result", JsonCodec.toJson(result));
            } catch (Exception e) {
                answer.add("ok", false).add("error", ErrorText.of(e));
            }
        }
        try {
            Transport.Response response = http.send(
                    "POST",
                    "/api/commands/" + commandId + "/results/" + workerId,
                    answer.build(),
                    Map.of(),
                    Duration.ofSeconds(10),
                    Transport.Retry.IDEMPOTENT);
            if (!response.ok()) {
                LOG.log(
                        Level.WARNING,
                        "command {0}: answer refused: {1}",
                        commandId,
                        response.problem().getMessage());
            }
        } catch (BatonException e) {
            LOG.log(Level.WARNING, "command {0}: answer not sent: {1}", commandId, e.getMessage());
        }
    }
}

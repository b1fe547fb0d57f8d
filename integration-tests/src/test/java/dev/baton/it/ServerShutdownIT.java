package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server shutdown drains first: an attempt running when the server is asked to stop (SIGTERM) is
 * finished, not interrupted and retried. Runs a server of its own on {@code baton.it.crash.offset}.
 */
class ServerShutdownIT {

    @Test
    void aGracefulStopLetsTheRunningAttemptFinish() {
        int offset = Integer.getInteger("baton.it.crash.offset", 600);
        try (ServerProcess server = ServerProcess.fresh("shutdown-server-base", offset)) {
            server.start();
            Api api = Api.adminAt(server.baseUrl());
            Tasks tasks = Tasks.of(api);
            String id = tasks.submitId("{\"handler\":\"sleep\",\"params\":{\"ms\":3000},\"maxTries\":1}");
            tasks.awaitStatus(id, "RUNNING");

            server.stopGracefully(Duration.ofMinutes(2));
            server.start();

            JsonObject task = tasks.awaitStatus(id, "SUCCEEDED");
            assertThat(task.getJsonArray("attempts")).hasSize(1);
            assertThat(task.getJsonArray("attempts").getJsonObject(0).getString("outcome"))
                    .isEqualTo("SUCCEEDED");
        }
    }
}

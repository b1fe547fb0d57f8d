package dev.baton.it;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * "Nothing accepted is lost" on the default database (H2): {@link CrashRecoveryScenario} against a
 * server of its own on the port offset {@code baton.it.crash.offset}. While the server is down, tasks
 * are written into its H2 file as a kill between a REST submission's commit and the send of its first
 * dispatch leaves them; the restarted node must run them too. {@link PostgresqlCrashRecoveryIT} runs the
 * same scenario on PostgreSQL.
 */
class CrashRecoveryIT {

    @Test
    void acceptedTasksSurviveKillMinus9AndCompleteExactlyOnce() throws Exception {
        int offset = Integer.getInteger("baton.it.crash.offset", 600);
        // no aging within the test: only start-up recovery can dispatch the tasks left undispatched
        try (ServerProcess server = ServerProcess.fresh("crash-server-base", offset)
                .systemProperty("baton.aging.intervalMillis", "3600000")) {
            CrashRecoveryScenario.run(server, () -> {
                try (Connection db = server.openH2WhileStopped()) {
                    return CrashRecoveryScenario.leaveFirstDispatchesUnsent(db);
                }
            });
        }
    }
}

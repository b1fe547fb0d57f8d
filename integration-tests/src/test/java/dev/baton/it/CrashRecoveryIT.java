package dev.baton.it;

import org.junit.jupiter.api.Test;

/**
 * "Nothing accepted is lost" on the default database (H2): {@link CrashRecoveryScenario} against a
 * server of its own on the port offset {@code baton.it.crash.offset}. {@link PostgresqlCrashRecoveryIT}
 * runs the same scenario on PostgreSQL.
 */
class CrashRecoveryIT {

    @Test
    void acceptedTasksSurviveKillMinus9AndCompleteExactlyOnce() throws Exception {
        int offset = Integer.getInteger("baton.it.crash.offset", 600);
        try (ServerProcess server = ServerProcess.fresh("crash-server-base", offset)) {
            CrashRecoveryScenario.run(server);
        }
    }
}

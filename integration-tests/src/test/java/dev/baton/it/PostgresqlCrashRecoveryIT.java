package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CrashRecoveryScenario} on PostgreSQL: a server of its own started with
 * {@code -c standalone-full-postgresql.xml -Dbaton.pg.database=baton_it} (the variant server-config
 * builds) on the port offset {@code baton.it.pg.offset}, against a database created fresh for the run.
 * Skipped (an assumption, not a failure) when PostgreSQL is not reachable or does not allow prepared
 * transactions; {@code .ci/run} prepares both, so CI always runs it.
 */
class PostgresqlCrashRecoveryIT {

    private static final String DATABASE = "baton_it";
    private static final String SERVER = System.getProperty("baton.it.pg.server", "jdbc:postgresql://127.0.0.1:5432");
    private static final String USER = System.getProperty("baton.it.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("baton.it.pg.password", "postgres");

    private boolean prepared;

    /** Per test, not @BeforeAll: the build's report counts a skipped test only when a test method is skipped. */
    @BeforeEach
    void freshDatabase() throws SQLException {
        try (Connection admin = adminConnectionOrSkip();
                Statement statement = admin.createStatement()) {
            int maxPrepared;
            try (ResultSet rs = statement.executeQuery("SHOW max_prepared_transactions")) {
                rs.next();
                maxPrepared = Integer.parseInt(rs.getString(1));
            }
            assumeTrue(
                    maxPrepared > 0,
                    "PostgreSQL at " + SERVER + " has max_prepared_transactions = 0, but Baton commits rows and JMS"
                            + " messages in one XA transaction. As a superuser run"
                            + " `ALTER SYSTEM SET max_prepared_transactions = 64` and restart PostgreSQL"
                            + " (e.g. `pg_ctlcluster 15 main restart`), or run .ci/run, which does both.");
            rollBackPreparedTransactions(admin);
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
            prepared = true;
        }
    }

    /** A killed server can leave prepared (in-doubt) transactions behind; they would pin the database. */
    @AfterEach
    void noPreparedTransactionsLeft() throws SQLException {
        if (!prepared) {
            return; // skipped
        }
        try (Connection admin = connect("postgres")) {
            rollBackPreparedTransactions(admin);
        }
    }

    @Test
    void acceptedTasksSurviveKillMinus9AndCompleteExactlyOnceOnPostgresql() throws Exception {
        int offset = Integer.getInteger("baton.it.pg.offset", 700);
        try (ServerProcess server = ServerProcess.fresh("pg-crash-server-base", offset)
                .config("standalone-full-postgresql.xml")
                .systemProperty("baton.pg.database", DATABASE)) {
            Set<String> tasks = CrashRecoveryScenario.run(server);

            // The tasks really live in PostgreSQL (the test cannot pass on H2 by accident).
            Map<String, String> rows = new HashMap<>();
            try (Connection db = connect(DATABASE);
                    Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, status FROM baton_task")) {
                while (rs.next()) {
                    rows.put(rs.getString("id"), rs.getString("status"));
                }
            }
            assertThat(rows.keySet()).as("baton_task in " + DATABASE).containsExactlyInAnyOrderElementsOf(tasks);
            assertThat(rows.values()).containsOnly("SUCCEEDED");
        }
    }

    private static Connection adminConnectionOrSkip() {
        try {
            return connect("postgres");
        } catch (SQLException e) {
            assumeTrue(
                    false,
                    "PostgreSQL is not reachable at " + SERVER + "/postgres as user " + USER + " (" + e.getMessage()
                            + "). This test needs PostgreSQL 13+ there with max_prepared_transactions > 0 (.ci/run"
                            + " prepares it); build with -Dbaton.pg.server=jdbc:postgresql://HOST:PORT"
                            + " -Dbaton.pg.user=... -Dbaton.pg.password=... to use another server.");
            throw new AssertionError(e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(SERVER + "/" + database, properties);
    }

    /** ROLLBACK PREPARED must run in the database the transaction was prepared in. */
    private static void rollBackPreparedTransactions(Connection admin) throws SQLException {
        List<String> gids = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT gid FROM pg_prepared_xacts WHERE database = '" + DATABASE + "'")) {
            while (rs.next()) {
                gids.add(rs.getString(1));
            }
        }
        if (gids.isEmpty()) {
            return;
        }
        try (Connection db = connect(DATABASE);
                Statement statement = db.createStatement()) {
            for (String gid : gids) {
                statement.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            }
        }
    }
}

package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CrashRecoveryScenario} on PostgreSQL: a server of its own started with
 * {@code -c standalone-full-postgresql.xml -Dbaton.pg.database=baton_it} (the variant server-config
 * builds) on the port offset {@code baton.it.pg.offset}, against a database created fresh for the run.
 * Skipped (an assumption, not a failure) when PostgreSQL is not reachable; CI machines have it, so CI
 * always runs it. The database joins the JTA transactions as a Commit Markable Resource: its xids table
 * is what recovery reads after the kill.
 */
class PostgresqlCrashRecoveryIT {

    private static final String DATABASE = "baton_it";
    private static final String SERVER = System.getProperty("baton.it.pg.server", "jdbc:postgresql://127.0.0.1:5432");
    private static final String USER = System.getProperty("baton.it.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("baton.it.pg.password", "postgres");

    /** Per test, not @BeforeAll: the build's report counts a skipped test only when a test method is skipped. */
    @BeforeEach
    void freshDatabase() throws SQLException {
        try (Connection admin = adminConnectionOrSkip();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @Test
    void acceptedTasksSurviveKillMinus9AndCompleteExactlyOnceOnPostgresql() throws Exception {
        int offset = Integer.getInteger("baton.it.pg.offset", 700);
        try (ServerProcess server = ServerProcess.fresh("pg-crash-server-base", offset)
                .config("standalone-full-postgresql.xml")
                .systemProperty("baton.pg.database", DATABASE)
                // no aging within the test: only start-up recovery can dispatch the tasks left undispatched
                .systemProperty("baton.aging.intervalMillis", "3600000")) {
            Set<String> tasks =
                    CrashRecoveryScenario.run(server, PostgresqlCrashRecoveryIT::committedButNeverDispatched);

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

            // The database took part as a Commit Markable Resource, not as an XA branch: migration V13
            // made the xids table recovery reads, and no transaction was left prepared in PostgreSQL.
            try (Connection db = connect(DATABASE);
                    Statement statement = db.createStatement()) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'xids'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("columns of xids").isEqualTo(3);
                }
                try (ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM pg_prepared_xacts WHERE database = '" + DATABASE + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("prepared transactions in " + DATABASE)
                            .isZero();
                }
            }
        }
    }

    /** The tasks a kill between a REST submission's commit and its send leaves, written into PostgreSQL. */
    private static List<String> committedButNeverDispatched() throws SQLException {
        try (Connection db = connect(DATABASE)) {
            return CrashRecoveryScenario.leaveFirstDispatchesUnsent(db);
        }
    }

    private static Connection adminConnectionOrSkip() {
        try {
            return connect("postgres");
        } catch (SQLException e) {
            assumeTrue(
                    false,
                    "PostgreSQL is not reachable at " + SERVER + "/postgres as user " + USER + " (" + e.getMessage()
                            + "). This test needs PostgreSQL 13+ there; build with -Dbaton.pg.server=jdbc:postgresql://HOST:PORT"
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
}

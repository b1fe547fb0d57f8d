package dev.baton.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Fills the stopped benchmark server's H2 database with synthetic finished tasks, straight through
 * H2's JDBC driver (the jar WildFly ships as a module), so the paging scenario can list a table of a
 * million rows without submitting a million tasks first.
 *
 * <p>Rows spread over 10 handlers ({@code h0}..{@code h9}), 10 users ({@code u0}..{@code u9}), five
 * statuses, priorities 0..100 and 1,000 parents of 100 children each (child rows only for the first
 * 100,000 rows). Ids sort like Baton's UUIDv7 ids: in insertion order.
 */
final class TaskTableSeeder {

    /** Parent ids are this prefix and a 12-digit number 0..999. */
    static final String PARENT_PREFIX = "00000000-0000-7000-9000-";

    private final Path jbossHome;
    private final Path database;

    /**
     * @param jbossHome the configured WildFly (for the H2 driver)
     * @param database the H2 database path without {@code .mv.db}
     */
    TaskTableSeeder(Path jbossHome, Path database) {
        this.jbossHome = jbossHome;
        this.database = database;
    }

    /** Inserts {@code rows} tasks; the schema must exist (the server has started once). */
    void seed(int rows) throws Exception {
        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {h2Jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                Connection connection = connect(loader);
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO baton_task (id, name, handler, status, priority, effective_priority, params,"
                    + " result, tries, max_tries, timeout_seconds, submit_time, queued_time, start_time, end_time,"
                    + " node, submitted_by, parent_id, child_index, children_total, children_completed,"
                    + " dispatch_seq, version)"
                    + " SELECT '00000000-0000-7000-8000-' || LPAD(CAST(X AS VARCHAR), 12, '0'), NULL,"
                    + " 'h' || MOD(X, 10),"
                    + " CASEWHEN(MOD(X, 5) = 0, 'ERROR', CASEWHEN(MOD(X, 5) = 1, 'CANCELLED', 'SUCCEEDED')),"
                    + " MOD(X, 101), MOD(X, 101), '{}', '{}', 1, 10, 300, 1700000000000 + X, 1700000000000 + X,"
                    + " 1700000000001 + X, 1700000000002 + X, 'bench', 'u' || MOD(X / 10, 10),"
                    + " CASEWHEN(X <= 100000, '" + PARENT_PREFIX
                    + "' || LPAD(CAST(MOD(X, 1000) AS VARCHAR), 12, '0'), NULL),"
                    + " CASEWHEN(X <= 100000, CAST(X / 1000 AS INT), NULL), 0, 0, 1, 1"
                    + " FROM SYSTEM_RANGE(1, " + rows + ")");
            sql.execute("ANALYZE");
        }
    }

    private Connection connect(ClassLoader loader) throws Exception {
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader)
                .getDeclaredConstructor()
                .newInstance();
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "sa");
        Connection connection = driver.connect("jdbc:h2:" + database + ";IFEXISTS=TRUE", credentials);
        if (connection == null) {
            throw new SQLException("the H2 driver refused jdbc:h2:" + database);
        }
        return connection;
    }

    private Path h2Jar() throws Exception {
        Path module = jbossHome.resolve("modules/system/layers/base/com/h2database/h2/main");
        try (Stream<Path> files = Files.list(module)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 jar in " + module));
        }
    }
}

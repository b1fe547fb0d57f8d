package dev.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The benchmark server's database: the embedded H2 file database of a fresh base directory
 * ({@code standalone-full.xml}, the default), or a PostgreSQL database dropped and created again before
 * the server starts ({@code standalone-full-postgresql.xml}, {@code -Dbench.db=postgresql}).
 *
 * @param kind "h2" or "postgresql"
 * @param pgServer PostgreSQL: the server's JDBC URL without a database (bench.pg.server; the same server
 *     the build wrote into standalone-full-postgresql.xml, baton.pg.server)
 * @param pgDatabase PostgreSQL: the database the benchmark recreates (bench.pg.database)
 * @param pgUser PostgreSQL: a user who may drop and create it (bench.pg.user)
 * @param pgPassword PostgreSQL: that user's password (bench.pg.password)
 */
record BenchDatabase(String kind, String pgServer, String pgDatabase, String pgUser, String pgPassword) {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    BenchDatabase {
        if (!kind.equals(H2) && !kind.equals(POSTGRESQL)) {
            throw new IllegalArgumentException("bench.db must be h2 or postgresql, not " + kind);
        }
        if (!NAME.matcher(pgDatabase).matches()) {
            throw new IllegalArgumentException(
                    "bench.pg.database must be a plain lower-case SQL name (it is dropped and created): " + pgDatabase);
        }
    }

    static BenchDatabase fromSystemProperties() {
        return new BenchDatabase(
                System.getProperty("bench.db", H2).trim().toLowerCase(java.util.Locale.ROOT),
                System.getProperty("bench.pg.server", "jdbc:postgresql://127.0.0.1:5432"),
                System.getProperty("bench.pg.database", "baton_bench"),
                System.getProperty("bench.pg.user", "postgres"),
                System.getProperty("bench.pg.password", ""));
    }

    boolean isH2() {
        return kind.equals(H2);
    }

    /** The server configuration file the benchmark starts WildFly with. */
    String serverConfig() {
        return isH2() ? "standalone-full.xml" : "standalone-full-postgresql.xml";
    }

    /** WildFly command-line properties that point the datasource at this database. */
    List<String> serverProperties() {
        if (isH2()) {
            return List.of();
        }
        // the variant's server URL, user and password are set when it is built (baton.pg.server and so on)
        return List.of("-Dbaton.pg.database=" + pgDatabase);
    }

    /** Makes the database empty: nothing for H2 (its base directory is new), drop and create for PostgreSQL. */
    void recreate() throws SQLException {
        if (isH2()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pgServer + "/postgres", pgUser, pgPassword);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + pgDatabase);
        }
    }

    /** For the report. */
    String describe() {
        return isH2()
                ? "H2 file database (fresh)"
                : "PostgreSQL database " + pgDatabase + " at " + pgServer + " (dropped and created again)";
    }
}

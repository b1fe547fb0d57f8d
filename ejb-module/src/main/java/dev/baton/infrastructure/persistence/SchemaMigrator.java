package dev.baton.infrastructure.persistence;

import dev.baton.infrastructure.persistence.MigrationScripts.Migration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema up to the newest migration before anything else uses the database. Each applied
 * migration is recorded in {@code baton_schema_version}; a node that finds a version recorded by another
 * node skips it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    public static final String DATASOURCE = "java:jboss/datasources/BatonDS";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private int schemaVersion;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS baton_schema_version ("
                        + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                        + "applied_at BIGINT NOT NULL)");
            }
            connection.commit();
            int current = currentVersion(connection);
            String database = MigrationScripts.database(connection.getMetaData().getDatabaseProductName());
            for (Migration migration : MigrationScripts.load(SchemaMigrator.class.getClassLoader())) {
                if (migration.version() > current) {
                    apply(connection, migration, database);
                    current = migration.version();
                }
            }
            schemaVersion = current;
            LOG.info(() -> "Baton schema at version " + schemaVersion);
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration failed: " + e.getMessage(), e);
        }
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT MAX(version) FROM baton_schema_version")) {
            rs.next();
            int version = rs.getInt(1);
            connection.commit();
            return version;
        }
    }

    private static void apply(Connection connection, Migration migration, String database) throws SQLException {
        LOG.info(() -> "Applying schema migration V" + migration.version() + " " + migration.description());
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO baton_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            record.setInt(1, migration.version());
            record.setString(2, migration.description());
            record.setLong(3, System.currentTimeMillis());
            record.executeUpdate();
            try (Statement ddl = connection.createStatement()) {
                for (String statement : migration.statementsFor(database)) {
                    ddl.execute(statement);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}

package dev.baton.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.infrastructure.persistence.MigrationScripts.Migration;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationScriptsTest {

    @TempDir
    Path dir;

    @Test
    void splitsStatementsAtSemicolonsThatEndALine() {
        String script =
                """
                -- a comment line
                CREATE TABLE t (
                    id INTEGER,  -- not a comment line: stays in the statement
                    name VARCHAR(10)
                );

                  -- indented comment
                CREATE INDEX ix ON t (id);
                INSERT INTO t VALUES (1, 'a;b');
                """;

        assertThat(MigrationScripts.statements(script))
                .containsExactly(
                        "CREATE TABLE t (\nid INTEGER,  -- not a comment line: stays in the statement\n"
                                + "name VARCHAR(10)\n)",
                        "CREATE INDEX ix ON t (id)",
                        "INSERT INTO t VALUES (1, 'a;b')");
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertThat(MigrationScripts.statements("DROP TABLE a;\nDROP TABLE b\n"))
                .containsExactly("DROP TABLE a", "DROP TABLE b");
    }

    @Test
    void windowsLineEndingsAndBlankScriptsWork() {
        assertThat(MigrationScripts.statements("CREATE TABLE a (x INT);\r\n\r\nCREATE TABLE b (y INT);\r\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)");
        assertThat(MigrationScripts.statements("")).isEmpty();
        assertThat(MigrationScripts.statements("-- only\n-- comments\n\n")).isEmpty();
    }

    @Test
    void aTaggedStatementRunsOnItsDatabaseOnlyAndUntaggedOnesEverywhere() {
        Migration migration = new Migration(
                7,
                "keys",
                MigrationScripts.statements("@h2 ALTER TABLE t DROP PRIMARY KEY;\n"
                        + "@postgresql ALTER TABLE t\n  ADD x INT;\n"
                        + "DROP INDEX i;\n"));

        assertThat(migration.statementsFor("h2")).containsExactly("ALTER TABLE t DROP PRIMARY KEY", "DROP INDEX i");
        assertThat(migration.statementsFor("postgresql")).containsExactly("ALTER TABLE t\nADD x INT", "DROP INDEX i");
    }

    @Test
    void anUnknownDatabaseTagIsRefusedWhenTheMigrationLoads() {
        assertThatThrownBy(() -> new Migration(3, "x", List.of("@mysql DROP TABLE t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V3")
                .hasMessageContaining("@mysql");
    }

    @Test
    void theDatabaseTagComesFromTheJdbcProductName() {
        assertThat(MigrationScripts.database("H2")).isEqualTo("h2");
        assertThat(MigrationScripts.database("PostgreSQL")).isEqualTo("postgresql");
        assertThat(MigrationScripts.database("Oracle")).isEqualTo("oracle");
    }

    @Test
    void theRealMigrationsLoadInOrder() {
        List<Migration> migrations = MigrationScripts.load(MigrationScripts.class.getClassLoader());

        assertThat(migrations).isNotEmpty();
        for (int i = 0; i < migrations.size(); i++) {
            assertThat(migrations.get(i).version()).isEqualTo(i + 1);
            assertThat(migrations.get(i).statements()).isNotEmpty().noneMatch(String::isBlank);
        }
        Migration first = migrations.get(0);
        assertThat(first.description()).isEqualTo("tasks");
        assertThat(first.statements()).first().asString().startsWith("CREATE TABLE baton_task (");
        assertThat(first.statements())
                .anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE baton_task_attempt ("))
                .allSatisfy(s -> assertThat(s).doesNotEndWith(";").doesNotStartWith("--"));
    }

    @Test
    void loadsAListSkippingCommentsAndTurningUnderscoresIntoSpaces() throws IOException {
        write("migrations.txt", "# header\n\nV1__first.sql\n  V2__add_more_things.sql  \n");
        write("V1__first.sql", "CREATE TABLE a (x INT);");
        write("V2__add_more_things.sql", "ALTER TABLE a ADD y INT;\nALTER TABLE a ADD z INT;");

        List<Migration> migrations = load();

        assertThat(migrations)
                .extracting(Migration::version, Migration::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "first"),
                        org.assertj.core.groups.Tuple.tuple(2, "add more things"));
        assertThat(migrations.get(1).statements())
                .containsExactly("ALTER TABLE a ADD y INT", "ALTER TABLE a ADD z INT");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v1__lower.sql",
                "V1_single.sql",
                "V1__dash-name.sql",
                "V1__x.txt",
                "../V1__x.sql",
                "V__x.sql",
                "x/V1__x.sql"
            })
    void badNamesAreRejected(String name) throws IOException {
        write("migrations.txt", name + "\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must look like V1__what.sql")
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V2__x.sql", "V1__a.sql\nV1__b.sql", "V1__a.sql\nV3__c.sql", "V0__zero.sql"})
    void versionsMustCountUpFromOne(String list) throws IOException {
        for (String name : list.split("\n")) {
            write(name, "SELECT 1;");
        }
        write("migrations.txt", list);

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("numbered 1, 2, 3");
    }

    @Test
    void aListedFileThatDoesNotExistIsReported() throws IOException {
        write("migrations.txt", "V1__missing.sql\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing migration resource db/migration/V1__missing.sql");
    }

    @Test
    void aMissingListIsReported() {
        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db/migration/migrations.txt");
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve("db/migration").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Loads from the temporary folder only (no parent loader, so the real migrations stay out of sight). */
    private List<Migration> load() throws IOException {
        try (URLClassLoader loader =
                new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
            return MigrationScripts.load(loader);
        }
    }
}

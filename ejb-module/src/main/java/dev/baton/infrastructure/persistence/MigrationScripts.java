package dev.baton.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the versioned migrations listed in {@code db/migration/migrations.txt}. An explicit list (no
 * class-path scanning) works the same in every application server.
 */
public final class MigrationScripts {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** The databases a statement can be tagged for: {@code @h2 ...;} runs on H2 only. */
    public static final List<String> DATABASES = List.of("h2", "postgresql");

    private static final Pattern TAG = Pattern.compile("@([a-z0-9]+)\\s+(.*)", Pattern.DOTALL);

    /**
     * One migration: its version, description and SQL statements. A statement that starts with a tag,
     * {@code @h2} or {@code @postgresql}, runs on that database only (where their SQL differs).
     */
    public record Migration(int version, String description, List<String> statements) {

        public Migration {
            statements = List.copyOf(statements);
            for (String statement : statements) {
                Matcher tag = TAG.matcher(statement);
                if (tag.matches() && !DATABASES.contains(tag.group(1))) {
                    throw new IllegalStateException("migration V" + version + ": unknown database tag @" + tag.group(1)
                            + " (known: " + DATABASES + ")");
                }
            }
        }

        /** The statements that run on {@code database} (one of {@link #DATABASES}), tags removed. */
        public List<String> statementsFor(String database) {
            List<String> run = new ArrayList<>();
            for (String statement : statements) {
                Matcher tag = TAG.matcher(statement);
                if (!tag.matches()) {
                    run.add(statement);
                } else if (tag.group(1).equals(database)) {
                    run.add(tag.group(2).strip());
                }
            }
            return run;
        }
    }

    /** The tag name of a database, from JDBC's product name ("H2", "PostgreSQL"). */
    public static String database(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        return DATABASES.stream().filter(name::startsWith).findFirst().orElse(name);
    }

    private MigrationScripts() {}

    public static List<Migration> load(ClassLoader loader) {
        List<Migration> migrations = new ArrayList<>();
        int previous = 0;
        for (String line : read(loader, "db/migration/migrations.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("migration file name must look like V1__what.sql: " + name);
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version != previous + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3...: " + name);
            }
            previous = version;
            migrations.add(new Migration(
                    version, matcher.group(2).replace('_', ' '), statements(read(loader, "db/migration/" + name))));
        }
        return migrations;
    }

    /** Splits a script into statements: a statement ends with ';' at the end of a line; '--' lines are comments. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.baton.handlers.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspace folder. A script name is a relative path of plain segments ({@code add.js},
 * {@code split/lines.sh}); absolute paths, {@code ..}, hidden segments and anything that resolves (through
 * links) outside the folder are refused.
 */
public final class ScriptWorkspace {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final int MAX_DEPTH = 4;

    private final Path root;

    public ScriptWorkspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** True when {@code name} is shaped like a script name (says nothing about existence). */
    public static boolean isWellFormed(String name) {
        if (name == null || name.isEmpty() || name.length() > 200) {
            return false;
        }
        String[] segments = name.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            return false;
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The executable file {@code name} names, if it is well formed, inside the workspace and executable. */
    public Optional<Path> resolve(String name) {
        if (!isWellFormed(name) || !Files.isDirectory(root)) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = root.resolve(name).normalize();
            if (!candidate.startsWith(root) || !Files.exists(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real) || !Files.isExecutable(real)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Every script name in the workspace, sorted. */
    public List<String> scriptNames() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> resolve(name).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}

package dev.baton.handlers.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptWorkspaceTest {

    @TempDir
    Path temp;

    private Path root;
    private ScriptWorkspace workspace;

    @BeforeEach
    void createWorkspace() throws IOException {
        root = Files.createDirectories(temp.resolve("workspace"));
        workspace = new ScriptWorkspace(root);
        executable(temp.resolve("outside.sh"));
        executable(root.resolve("add.sh"));
        executable(root.resolve("split/lines.sh"));
        executable(root.resolve("a/b/c/deep.sh"));
        executable(root.resolve("a/b/c/d/too-deep.sh"));
        executable(root.resolve(".hidden.sh"));
        executable(root.resolve(".git/hooks/pre-commit"));
        Files.writeString(root.resolve("readme.txt"), "not a script");
        Files.createSymbolicLink(root.resolve("escape.sh"), temp.resolve("outside.sh"));
        Files.createSymbolicLink(root.resolve("outdir"), temp);
        Files.createSymbolicLink(root.resolve("alias.sh"), root.resolve("add.sh"));
        Files.createSymbolicLink(root.resolve("dangling.sh"), root.resolve("nothing-here.sh"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"add.sh", "split/lines.sh", "a/b/c/deep.sh"})
    void aWellFormedExecutableInsideResolvesToItsRealPath(String name) throws IOException {
        assertThat(workspace.resolve(name)).contains(root.resolve(name).toRealPath());
    }

    @Test
    void aLinkToAScriptInsideTheWorkspaceResolvesToTheTarget() throws IOException {
        assertThat(workspace.resolve("alias.sh"))
                .contains(root.resolve("add.sh").toRealPath());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside.sh",
                "../x",
                "/etc/passwd",
                "a/../../x",
                "split/../add.sh",
                "./add.sh",
                ".hidden.sh",
                ".git/hooks/pre-commit",
                "split\\lines.sh",
                "..\\outside.sh",
                "",
                " ",
                "add.sh/",
                "split//lines.sh",
                "a/b/c/d/too-deep.sh",
                "escape.sh",
                "outdir/outside.sh",
                "dangling.sh",
                "readme.txt",
                "split",
                "missing.sh",
                "add.sh\u0000",
                "~/add.sh",
                "$HOME/add.sh"
            })
    void refusesNamesThatAreMalformedOutsideOrNotExecutable(String name) {
        assertThat(workspace.resolve(name)).as("resolve(%s)", name).isEmpty();
    }

    @Test
    void refusesNullAndOverlongNames() {
        assertThat(workspace.resolve(null)).isEmpty();
        assertThat(ScriptWorkspace.isWellFormed("x".repeat(200))).isTrue();
        assertThat(ScriptWorkspace.isWellFormed("x".repeat(201))).isFalse();
    }

    @Test
    void aNonExecutableFileIsRefusedUntilItBecomesExecutable() throws IOException {
        Path script = root.resolve("later.sh");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(workspace.resolve("later.sh")).isEmpty();

        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(workspace.resolve("later.sh")).isPresent();
    }

    @Test
    void scriptNamesListsOnlyExecutablesInsideTheWorkspace() {
        assertThat(workspace.scriptNames()).containsExactly("a/b/c/deep.sh", "add.sh", "alias.sh", "split/lines.sh");
    }

    @Test
    void aMissingWorkspaceHasNoScripts() {
        ScriptWorkspace missing = new ScriptWorkspace(temp.resolve("nowhere"));

        assertThat(missing.scriptNames()).isEmpty();
        assertThat(missing.resolve("add.sh")).isEmpty();
    }

    @Test
    void theRootIsAbsoluteAndNormalized() {
        ScriptWorkspace relative = new ScriptWorkspace(Path.of("some/../dir"));

        assertThat(relative.root()).isAbsolute().isEqualTo(Path.of("dir").toAbsolutePath());
    }

    private static void executable(Path file) throws IOException {
        TestScripts.write(file, "echo '{}'");
    }
}

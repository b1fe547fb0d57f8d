package dev.baton.handlers.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test helper: writes executable {@code /bin/sh} scripts. */
final class TestScripts {

    private TestScripts() {}

    /** Writes {@code #!/bin/sh} and {@code body} to {@code file} (creating folders) and makes it executable. */
    static Path write(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

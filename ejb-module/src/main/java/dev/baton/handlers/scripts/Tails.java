package dev.baton.handlers.scripts;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The beginning or end of some output, for error messages. */
final class Tails {

    private Tails() {}

    static String head(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }

    /** The last {@code max} bytes of a file, decoded as UTF-8. */
    static String tail(Path file, int max) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - max);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return start > 0 ? "..." + text : text;
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}

package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads request bodies (already bounded by {@link RequestBodyLimit}) as UTF-8 text. */
public final class Bodies {

    private Bodies() {}

    public static String read(InputStream body) {
        if (body == null) {
            return "";
        }
        try {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "could not be read: " + e.getMessage());
        }
    }
}

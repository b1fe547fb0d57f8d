package dev.baton.workflows.control;

import dev.baton.infrastructure.problem.Violation;
import java.util.ArrayList;
import java.util.List;

/** The errors and warnings a validation collects, each at a JSON pointer. */
final class Findings {

    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    void error(String pointer, String message) {
        errors.add(new Violation(pointer, message));
    }

    void warning(String pointer, String message) {
        warnings.add(new Violation(pointer, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<Violation> errors() {
        return errors;
    }

    List<Violation> warnings() {
        return warnings;
    }

    /** RFC 6901: {@code base/token} with {@code ~} and {@code /} in the token escaped. */
    static String pointer(String base, Object token) {
        return base + "/" + String.valueOf(token).replace("~", "~0").replace("/", "~1");
    }
}

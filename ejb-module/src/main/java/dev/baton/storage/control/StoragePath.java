package dev.baton.storage.control;

import dev.baton.infrastructure.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A storage path: segments of 1-100 characters {@code [A-Za-z0-9_-]} joined by {@code .}, at most 500
 * characters in all ({@code counters.jobs.done}). Anything else is a 400 problem naming {@code path}.
 */
public record StoragePath(String text, List<String> segments) {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_SEGMENT_LENGTH = 100;
    public static final String FIELD = "path";

    /** The escape character of {@link #descendantPattern()}; paths never contain it. */
    public static final String LIKE_ESCAPE = "!";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_SEGMENT_LENGTH + "}");

    public StoragePath {
        segments = List.copyOf(segments);
    }

    /** Parses and validates {@code text}; a 400 problem (field {@code path}) saying what is wrong. */
    public static StoragePath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters, was " + text.length());
        }
        String[] parts = text.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw invalid("segment " + (i + 1) + " is empty: segments are joined by single dots, "
                        + "without a dot at the start or end");
            }
            if (part.length() > MAX_SEGMENT_LENGTH) {
                throw invalid("segment " + (i + 1) + " is longer than " + MAX_SEGMENT_LENGTH + " characters");
            }
            if (!SEGMENT.matcher(part).matches()) {
                throw invalid("segment " + (i + 1) + " ('" + printable(part)
                        + "') may hold only the characters A-Z a-z 0-9 _ -");
            }
        }
        return new StoragePath(text, List.of(parts));
    }

    /** The first segment: the tree this path belongs to (writers lock per root). */
    public String root() {
        return segments.get(0);
    }

    public int depth() {
        return segments.size();
    }

    /** The parent's path text; null for a path of one segment. */
    public String parentText() {
        int dot = text.lastIndexOf('.');
        return dot < 0 ? null : text.substring(0, dot);
    }

    /** The last segment: this path's member name in its parent's object. */
    public String name() {
        return segments.get(segments.size() - 1);
    }

    /** Every proper ancestor's path text, the root first ({@code a.b.c} → {@code a}, {@code a.b}). */
    public List<String> ancestors() {
        List<String> ancestors = new ArrayList<>();
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            ancestors.add(text.substring(0, dot));
        }
        return ancestors;
    }

    /**
     * A SQL {@code LIKE} pattern matching every path strictly below this one ({@code a\_b.%} for
     * {@code a_b}), with {@link #LIKE_ESCAPE} escaping the {@code _} that segments may contain.
     */
    public String descendantPattern() {
        return text.replace("_", LIKE_ESCAPE + "_") + ".%";
    }

    /** {@code path} relative to this one ({@code a.b.c} below {@code a} → {@code b.c}). */
    public String relative(String descendant) {
        if (!descendant.startsWith(text + ".")) {
            throw new IllegalArgumentException(descendant + " is not below " + text);
        }
        return descendant.substring(text.length() + 1);
    }

    @Override
    public String toString() {
        return text;
    }

    private static ProblemException invalid(String message) {
        return ProblemException.badRequest(FIELD, message);
    }

    /** The segment as shown in a message: control characters escaped, long ones cut. */
    private static String printable(String part) {
        StringBuilder shown = new StringBuilder();
        part.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return part.codePointCount(0, part.length()) > 40 ? shown + "…" : shown.toString();
    }
}

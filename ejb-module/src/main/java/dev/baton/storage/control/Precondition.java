package dev.baton.storage.control;

import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.infrastructure.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write's condition on what is stored now: none, {@code If-Match} (compare-and-set: the value's
 * version must be one of the given ones, or with {@code *} something must be stored) or
 * {@code If-None-Match: *} (create only: nothing may be stored). A failed condition is a 412 problem
 * naming the header and, when the path holds a value, its {@code currentVersion}.
 */
public record Precondition(Kind kind, List<Long> versions) {

    /** The kinds of condition. */
    public enum Kind {
        NONE,
        /** {@code If-Match: *}: something (a value or a subtree) is stored at the path. */
        IF_MATCH_ANY,
        /** {@code If-Match: "3"}: the path holds a value whose version is one of {@link #versions}. */
        IF_MATCH,
        /** {@code If-None-Match: *}: nothing is stored at the path. */
        IF_NONE_MATCH_ANY
    }

    public static final String IF_MATCH_HEADER = "If-Match";
    public static final String IF_NONE_MATCH_HEADER = "If-None-Match";
    public static final Precondition NONE = new Precondition(Kind.NONE, List.of());
    public static final Precondition CREATE_ONLY = new Precondition(Kind.IF_NONE_MATCH_ANY, List.of());

    /** {@code "3"}, or a weak {@code W/"3"} (which never matches: If-Match compares strongly). */
    private static final Pattern TAG = Pattern.compile("(W/)?\"([0-9]{1,18})\"");

    public Precondition {
        versions = List.copyOf(versions);
    }

    /** Compare-and-set against one version. */
    public static Precondition ifMatch(long version) {
        return new Precondition(Kind.IF_MATCH, List.of(version));
    }

    /**
     * The condition of a PUT from its headers (null when absent). 400 naming the header when a value is
     * malformed, when If-None-Match is anything but {@code *}, or when both are given.
     */
    public static Precondition forPut(String ifMatch, String ifNoneMatch) {
        if (ifMatch != null && ifNoneMatch != null) {
            throw ProblemException.badRequest(
                    IF_NONE_MATCH_HEADER, "give either If-Match (compare-and-set) or If-None-Match (create only)");
        }
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.strip().equals("*")) {
                throw ProblemException.badRequest(
                        IF_NONE_MATCH_HEADER, "only * (create only) is supported, was '" + ifNoneMatch + "'");
            }
            return CREATE_ONLY;
        }
        return ifMatch == null ? NONE : parseIfMatch(ifMatch);
    }

    /** The condition of a DELETE: If-Match only (400 for If-None-Match, which makes no sense there). */
    public static Precondition forDelete(String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null) {
            throw ProblemException.badRequest(IF_NONE_MATCH_HEADER, "is not supported on DELETE; use If-Match");
        }
        return ifMatch == null ? NONE : parseIfMatch(ifMatch);
    }

    static Precondition parseIfMatch(String header) {
        String text = header.strip();
        if (text.equals("*")) {
            return new Precondition(Kind.IF_MATCH_ANY, List.of());
        }
        List<Long> versions = new ArrayList<>();
        String[] tags = text.split(",", -1);
        for (String tag : tags) {
            Matcher matcher = TAG.matcher(tag.strip());
            if (!matcher.matches()) {
                throw ProblemException.badRequest(
                        IF_MATCH_HEADER,
                        "must be * or versions as quoted entity tags, e.g. \"3\" (as the ETag header gives them), was '"
                                + header + "'");
            }
            if (matcher.group(1) == null) {
                versions.add(Long.parseLong(matcher.group(2)));
            }
        }
        return new Precondition(Kind.IF_MATCH, versions);
    }

    /**
     * Throws the 412 problem unless the condition holds.
     *
     * @param currentVersion the version of the value stored at the path, null when it holds none
     * @param exists whether anything (a value or a subtree) is stored at the path
     */
    public void check(String path, Long currentVersion, boolean exists) {
        switch (kind) {
            case NONE -> {}
            case IF_MATCH_ANY -> {
                if (!exists) {
                    throw failed(IF_MATCH_HEADER, "nothing is stored at '" + path + "'", null);
                }
            }
            case IF_MATCH -> {
                if (currentVersion == null) {
                    throw failed(
                            IF_MATCH_HEADER,
                            exists
                                    ? "'" + path + "' holds a subtree, which has no version"
                                    : "nothing is stored at '" + path + "'",
                            null);
                }
                if (!versions.contains(currentVersion)) {
                    throw failed(
                            IF_MATCH_HEADER,
                            "'" + path + "' is at version " + currentVersion + ", not " + expected(),
                            currentVersion);
                }
            }
            case IF_NONE_MATCH_ANY -> {
                if (exists) {
                    throw failed(
                            IF_NONE_MATCH_HEADER,
                            "'" + path + "' already exists"
                                    + (currentVersion == null ? " (a subtree)" : " at version " + currentVersion),
                            currentVersion);
                }
            }
        }
    }

    private String expected() {
        if (versions.isEmpty()) {
            return "a weak entity tag (never matches)";
        }
        return versions.size() == 1 ? versions.get(0).toString() : "any of " + versions;
    }

    private static ProblemException failed(String header, String message, Long currentVersion) {
        return new ProblemException(
                412,
                "precondition-failed",
                "Precondition failed",
                header + ": " + message,
                List.of(new Violation(header, message)),
                currentVersion == null ? Map.of() : Map.of("currentVersion", currentVersion));
    }
}

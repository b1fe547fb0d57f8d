package dev.baton.activities.control;

import java.util.Map;

/**
 * A compiled message selector (Jakarta Messaging 3.1, section 3.8.1.1) evaluated against a map of
 * attributes instead of message properties. Immutable and thread-safe.
 *
 * <p>Attribute values may be {@link String}, {@link Boolean}, {@link Long}/{@link Integer}/{@link
 * Short}/{@link Byte} (exact numbers), {@link Double}/{@link Float} (approximate numbers) or null; an absent
 * attribute is NULL. A value of any other type is unlike every type: comparing it gives FALSE, arithmetic on
 * it UNKNOWN. Evaluation never throws; a selector matches only when it evaluates to TRUE (not FALSE, not
 * UNKNOWN).
 *
 * <p>Where the spec leaves room, this implementation decides:
 *
 * <ul>
 *   <li>A comparison of values of unlike types is FALSE for every operator, {@code <>} included; likewise
 *       {@code [NOT] IN} and {@code [NOT] LIKE} on a non-string value are FALSE, and {@code BETWEEN} is
 *       exactly its defining pair of comparisons (so NULL gives UNKNOWN, unlike types FALSE).
 *   <li>An identifier used as a condition whose value is not a boolean is UNKNOWN.
 *   <li>Exact arithmetic is on 64-bit longs (Java promotion to long, then to double when mixed with an
 *       approximate number), so {@code 7 / 2} is 3 as in Java; overflow and exact division by zero give
 *       UNKNOWN instead of wrapping or failing.
 *   <li>In a LIKE pattern the escape character may only precede {@code %}, {@code _} or itself (SQL-92).
 *   <li>As in SQL, {@code NOT x IN ('a')} and {@code x NOT IN ('a')} are UNKNOWN when {@code x} is NULL; a
 *       filter that should also match absent attributes says so: {@code x IS NULL OR x NOT IN ('a')}.
 *   <li>Statically obvious type errors are rejected at compile time (see {@link SelectorParser}).
 * </ul>
 */
public final class Selector {

    /** Selectors longer than this are rejected. */
    public static final int MAX_LENGTH = 4096;

    /** Expressions nested deeper than this (tree depth, and parentheses plus prefix operators) are rejected. */
    public static final int MAX_DEPTH = SelectorParser.MAX_DEPTH;

    private final String source;
    private final Expression expression;

    private Selector(String source, Expression expression) {
        this.source = source;
        this.expression = expression;
    }

    /**
     * Compiles a selector. Null, empty or whitespace-only text gives a selector that matches everything.
     *
     * @throws SelectorSyntaxException if the text is not a valid selector
     */
    public static Selector compile(String text) {
        String source = text == null ? "" : text;
        if (source.length() > MAX_LENGTH) {
            throw new SelectorSyntaxException(
                    "the selector is longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
        return new Selector(source, SelectorParser.parse(source));
    }

    /** Whether the selector evaluates to TRUE for these attributes (null means none). */
    public boolean matches(Map<String, ?> attributes) {
        if (expression == null) {
            return true;
        }
        return Boolean.TRUE.equals(expression.evaluate(attributes == null ? Map.of() : attributes));
    }

    /** The text the selector was compiled from ({@code ""} for null). */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selector selector && selector.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}

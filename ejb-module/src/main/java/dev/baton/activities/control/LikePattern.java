package dev.baton.activities.control;

import java.util.Arrays;

/**
 * A compiled {@code LIKE} pattern: {@code _} stands for any single character, {@code %} for any sequence of
 * characters (including none), every other character for itself, compared exactly (case-sensitive, no
 * regular expression involved). Characters are Unicode code points. Matching takes at most
 * O(pattern × value) steps, however many {@code %} the pattern has.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    private final int[] elements;

    private LikePattern(int[] elements) {
        this.elements = elements;
    }

    /**
     * @param escape the escape character (a code point), or -1 for none. As in SQL-92 it may only precede
     *     {@code _}, {@code %} or itself.
     * @param column where the pattern literal starts, for errors
     */
    static LikePattern compile(String pattern, int escape, int column) {
        int[] codePoints = pattern.codePoints().toArray();
        int[] elements = new int[codePoints.length];
        int count = 0;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c == escape) {
                if (i + 1 == codePoints.length) {
                    throw new SelectorSyntaxException(
                            "LIKE pattern ends with the escape character " + quote(escape), column);
                }
                int escaped = codePoints[++i];
                if (escaped != '%' && escaped != '_' && escaped != escape) {
                    throw new SelectorSyntaxException(
                            "in a LIKE pattern the escape character " + quote(escape)
                                    + " may only precede '%', '_' or itself, not " + quote(escaped),
                            column);
                }
                elements[count++] = escaped;
            } else if (c == '%') {
                if (count == 0 || elements[count - 1] != ANY_SEQUENCE) {
                    elements[count++] = ANY_SEQUENCE;
                }
            } else if (c == '_') {
                elements[count++] = ANY_ONE;
            } else {
                elements[count++] = c;
            }
        }
        return new LikePattern(Arrays.copyOf(elements, count));
    }

    boolean matches(String value) {
        int[] text = value.codePoints().toArray();
        int p = 0;
        int t = 0;
        int lastSequence = -1;
        int resumeAt = 0;
        while (t < text.length) {
            if (p < elements.length && (elements[p] == ANY_ONE || elements[p] == text[t])) {
                p++;
                t++;
            } else if (p < elements.length && elements[p] == ANY_SEQUENCE) {
                lastSequence = p++;
                resumeAt = t;
            } else if (lastSequence >= 0) {
                // let the last % swallow one more character and retry from there
                p = lastSequence + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }

    private static String quote(int codePoint) {
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}

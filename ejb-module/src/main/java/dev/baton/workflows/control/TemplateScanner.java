package dev.baton.workflows.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a string into literal text and {@code {$...}} JSONPath expressions. A {@code {} not followed
 * by {@code $} is literal text; inside an expression, quoted strings and nested braces are skipped so
 * {@code {$.a[?(@.b == '}')]}} is one expression. Orchy's {@code {$1.output.x}} becomes {@code $.1.output.x}.
 */
final class TemplateScanner {

    /** One piece of a string: literal text, or a JSONPath (normalised, {@code $...}). */
    record Part(String text, boolean expression) {}

    /** The parts in order, and what is wrong with the string's braces (then parts stop at the problem). */
    record Scan(List<Part> parts, List<String> problems) {

        /** The whole string is one expression, so its value keeps its JSON type. */
        boolean singleExpression() {
            return parts.size() == 1 && parts.get(0).expression();
        }

        boolean hasExpressions() {
            return parts.stream().anyMatch(Part::expression);
        }
    }

    private static final Pattern SLOPPY_ROOT = Pattern.compile("^\\$(?=[A-Za-z0-9_])");

    private TemplateScanner() {}

    static boolean mayContainTemplate(String text) {
        return text.contains("{$");
    }

    static Scan scan(String text) {
        List<Part> parts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int start = text.indexOf("{$", from);
            if (start < 0) {
                parts.add(new Part(text.substring(from), false));
                break;
            }
            if (start > from) {
                parts.add(new Part(text.substring(from, start), false));
            }
            int end = closingBrace(text, start + 1);
            if (end < 0) {
                problems.add("the template starting at character " + (start + 1) + " is never closed by '}'");
                break;
            }
            parts.add(new Part(normalise(text.substring(start + 1, end)), true));
            from = end + 1;
        }
        return new Scan(List.copyOf(parts), List.copyOf(problems));
    }

    /** {@code $1.output} (Orchy) is {@code $.1.output}. */
    static String normalise(String path) {
        return SLOPPY_ROOT.matcher(path).replaceFirst("\\$.");
    }

    /** Index of the '}' closing the expression that starts at {@code from}, or -1. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** Whether the path's brackets and parentheses (outside quotes) balance; Jayway accepts {@code $.a[}. */
    static boolean balanced(String path) {
        int brackets = 0;
        int parens = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '[' -> brackets++;
                case ']' -> brackets--;
                case '(' -> parens++;
                case ')' -> parens--;
                default -> {}
            }
            if (brackets < 0 || parens < 0) {
                return false;
            }
        }
        return brackets == 0 && parens == 0 && quote == 0;
    }
}

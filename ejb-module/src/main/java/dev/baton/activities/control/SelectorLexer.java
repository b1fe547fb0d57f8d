package dev.baton.activities.control;

import dev.baton.activities.control.Token.Type;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a selector into tokens, one at a time. Whitespace is space, horizontal tab, form feed and line
 * terminators (as in the spec); keywords are matched case-insensitively in ASCII only, so that e.g. a
 * dotless {@code ı} never makes a keyword.
 */
final class SelectorLexer {

    private static final Map<String, Type> KEYWORDS = Map.ofEntries(
            Map.entry("NOT", Type.NOT),
            Map.entry("AND", Type.AND),
            Map.entry("OR", Type.OR),
            Map.entry("BETWEEN", Type.BETWEEN),
            Map.entry("LIKE", Type.LIKE),
            Map.entry("IN", Type.IN),
            Map.entry("IS", Type.IS),
            Map.entry("ESCAPE", Type.ESCAPE),
            Map.entry("NULL", Type.NULL),
            Map.entry("TRUE", Type.TRUE),
            Map.entry("FALSE", Type.FALSE));

    private final String text;
    private int index;

    SelectorLexer(String text) {
        this.text = text;
    }

    Token next() {
        skipWhitespace();
        int start = index;
        if (index >= text.length()) {
            return new Token(Type.END, "", start + 1);
        }
        char c = text.charAt(index);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
            return number();
        }
        int codePoint = text.codePointAt(index);
        if (Character.isJavaIdentifierStart(codePoint)) {
            return word();
        }
        index++;
        return switch (c) {
            case '=' -> token(Type.EQUAL, start);
            case '+' -> token(Type.PLUS, start);
            case '-' -> token(Type.MINUS, start);
            case '*' -> token(Type.TIMES, start);
            case '/' -> token(Type.DIVIDE, start);
            case '(' -> token(Type.LEFT_PAREN, start);
            case ')' -> token(Type.RIGHT_PAREN, start);
            case ',' -> token(Type.COMMA, start);
            case '<' -> {
                if (accept('>')) {
                    yield token(Type.NOT_EQUAL, start);
                }
                yield accept('=') ? token(Type.LESS_OR_EQUAL, start) : token(Type.LESS, start);
            }
            case '>' -> accept('=') ? token(Type.GREATER_OR_EQUAL, start) : token(Type.GREATER, start);
            case '!' -> throw new SelectorSyntaxException(
                    text.startsWith("!=", start)
                            ? "unknown operator '!='; not equal is written '<>'"
                            : "unknown character '!'",
                    start + 1);
            case '"' -> throw new SelectorSyntaxException(
                    "unknown character '\"'; string literals are written in single quotes", start + 1);
            default -> throw new SelectorSyntaxException("unknown character " + describe(codePoint), start + 1);
        };
    }

    private Token token(Type type, int start) {
        return new Token(type, text.substring(start, index), start + 1);
    }

    private boolean accept(char expected) {
        if (index < text.length() && text.charAt(index) == expected) {
            index++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                index++;
            } else {
                return;
            }
        }
    }

    private Token string() {
        int start = index;
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == '\'') {
                if (index < text.length() && text.charAt(index) == '\'') {
                    value.append('\'');
                    index++;
                } else {
                    return new Token(Type.STRING, value.toString(), start + 1);
                }
            } else {
                value.append(c);
            }
        }
        throw new SelectorSyntaxException("unterminated string literal (missing closing ')", start + 1);
    }

    private Token word() {
        int start = index;
        index += Character.charCount(text.codePointAt(index));
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            if (!Character.isJavaIdentifierPart(codePoint)) {
                break;
            }
            index += Character.charCount(codePoint);
        }
        String word = text.substring(start, index);
        Type keyword = isAscii(word) ? KEYWORDS.get(word.toUpperCase(Locale.ROOT)) : null;
        return new Token(keyword == null ? Type.IDENTIFIER : keyword, word, start + 1);
    }

    /**
     * A number in Java literal syntax, decimal only: exact {@code 57}, {@code 57L}; approximate {@code 7.},
     * {@code .5}, {@code 95.7}, {@code 7E3}, {@code 5.5e-3}, optionally with suffix {@code d}/{@code f}.
     */
    private Token number() {
        int start = index;
        boolean approximate = false;
        skipDigits();
        if (index < text.length() && text.charAt(index) == '.') {
            approximate = true;
            index++;
            skipDigits();
        }
        if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E')) {
            approximate = true;
            index++;
            if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
                index++;
            }
            if (index >= text.length() || !isDigit(text.charAt(index))) {
                throw new SelectorSyntaxException("malformed number: exponent without digits", start + 1);
            }
            skipDigits();
        }
        if (index < text.length()) {
            char suffix = text.charAt(index);
            if (!approximate && (suffix == 'l' || suffix == 'L')) {
                index++;
            } else if (suffix == 'd' || suffix == 'D' || suffix == 'f' || suffix == 'F') {
                approximate = true;
                index++;
            }
        }
        if (index < text.length() && Character.isJavaIdentifierPart(text.codePointAt(index))) {
            String rest = text.substring(start, Math.min(text.length(), index + 1));
            throw new SelectorSyntaxException(
                    rest.startsWith("0x") || rest.startsWith("0X")
                            ? "hexadecimal literals are not supported"
                            : "malformed number '" + rest + "'",
                    start + 1);
        }
        String literal = text.substring(start, index);
        if (approximate) {
            checkApproximate(literal, start);
            return new Token(Type.APPROXIMATE, literal, start + 1);
        }
        if (literal.length() > 1 && literal.charAt(0) == '0' && isDigit(literal.charAt(1))) {
            throw new SelectorSyntaxException(
                    "octal literals are not supported (a decimal number cannot start with 0)", start + 1);
        }
        return new Token(Type.EXACT, literal, start + 1);
    }

    /** Rejects what Java rejects: a floating-point literal too large (infinite) or too small (rounds to 0). */
    private static void checkApproximate(String literal, int start) {
        char last = literal.charAt(literal.length() - 1);
        double value = last == 'f' || last == 'F' ? Float.parseFloat(literal) : Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new SelectorSyntaxException("number " + literal + " is too large", start + 1);
        }
        if (value == 0 && nonZeroMantissa(literal)) {
            throw new SelectorSyntaxException("number " + literal + " is too small", start + 1);
        }
    }

    private static boolean nonZeroMantissa(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private void skipDigits() {
        while (index < text.length() && isDigit(text.charAt(index))) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String describe(int codePoint) {
        if (Character.isWhitespace(codePoint)
                || Character.isISOControl(codePoint)
                || Character.isSpaceChar(codePoint)) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}

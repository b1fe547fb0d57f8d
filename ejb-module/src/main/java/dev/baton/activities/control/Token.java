package dev.baton.activities.control;

/**
 * One token of a selector. {@code text} is the source text (for a string literal: its value, quotes
 * removed and {@code ''} unescaped); {@code column} is 1-based.
 */
record Token(Type type, String text, int column) {

    enum Type {
        IDENTIFIER,
        STRING,
        /** An exact numeric literal, unsigned; its text is parsed by the parser (which knows the sign). */
        EXACT,
        /** An approximate numeric literal; its text is a valid Java floating-point literal. */
        APPROXIMATE,
        NOT,
        AND,
        OR,
        BETWEEN,
        LIKE,
        IN,
        IS,
        ESCAPE,
        NULL,
        TRUE,
        FALSE,
        EQUAL("="),
        NOT_EQUAL("<>"),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">="),
        PLUS("+"),
        MINUS("-"),
        TIMES("*"),
        DIVIDE("/"),
        LEFT_PAREN("("),
        RIGHT_PAREN(")"),
        COMMA(","),
        END;

        private final String symbol;

        Type() {
            this.symbol = null;
        }

        Type(String symbol) {
            this.symbol = symbol;
        }

        boolean isKeyword() {
            return compareTo(NOT) >= 0 && compareTo(FALSE) <= 0;
        }
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (type) {
            case END -> "the end of the selector";
            case STRING -> "string literal '" + text.replace("'", "''") + "'";
            case EXACT, APPROXIMATE -> "number " + text;
            case IDENTIFIER -> "identifier " + text;
            default -> type.isKeyword() ? "keyword " + text : "'" + type.symbol + "'";
        };
    }
}

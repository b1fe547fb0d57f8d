package dev.baton.activities.control;

/**
 * A selector that is not valid: a syntax error, a statically obvious type error, or a selector beyond the
 * length or nesting limits. Carries the 1-based column (character position in the selector text; a line
 * break counts as one character) where the problem was found.
 */
public final class SelectorSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int column;

    SelectorSyntaxException(String problem, int column) {
        super("Invalid selector at column " + column + ": " + problem);
        this.problem = problem;
        this.column = column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** The 1-based column where the problem was found; one past the end for "unexpected end" problems. */
    public int column() {
        return column;
    }
}

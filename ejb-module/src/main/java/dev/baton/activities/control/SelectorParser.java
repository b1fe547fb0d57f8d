package dev.baton.activities.control;

import dev.baton.activities.control.Expression.And;
import dev.baton.activities.control.Expression.Arithmetic;
import dev.baton.activities.control.Expression.Attribute;
import dev.baton.activities.control.Expression.Between;
import dev.baton.activities.control.Expression.Comparison;
import dev.baton.activities.control.Expression.In;
import dev.baton.activities.control.Expression.IsNull;
import dev.baton.activities.control.Expression.Like;
import dev.baton.activities.control.Expression.Literal;
import dev.baton.activities.control.Expression.Not;
import dev.baton.activities.control.Expression.Or;
import dev.baton.activities.control.Expression.Sign;
import dev.baton.activities.control.Token.Type;
import dev.baton.activities.control.Values.ArithmeticOperator;
import dev.baton.activities.control.Values.ComparisonOperator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the selector grammar, lowest precedence first:
 *
 * <pre>
 * selector       = or END
 * or             = and { OR and }
 * and            = not { AND not }
 * not            = NOT not | predicate
 * predicate      = additive [ ( "=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) additive
 *                           | [NOT] BETWEEN additive AND additive
 *                           | [NOT] IN "(" string { "," string } ")"      (after an identifier)
 *                           | [NOT] LIKE string [ESCAPE string]           (after an identifier)
 *                           | IS [NOT] NULL ]                             (after an identifier)
 * additive       = multiplicative { ( "+" | "-" ) multiplicative }
 * multiplicative = unary { ( "*" | "/" ) unary }
 * unary          = ( "+" | "-" ) unary | primary
 * primary        = literal | identifier | "(" or ")"
 * </pre>
 *
 * Comparisons do not chain ({@code a = b = c} needs parentheses), as in SQL-92.
 *
 * <p>Besides syntax it checks static types where they are obvious: every expression has the type BOOLEAN
 * (comparisons, logic, TRUE/FALSE), NUMBER (numeric literals, arithmetic), STRING (string literals) or ANY
 * (identifiers, whose type is only known at evaluation). It rejects, where the type is not ANY: a selector,
 * or an operand of AND/OR/NOT, that is not BOOLEAN; an operand of arithmetic, of {@code < <= > >=} or of
 * BETWEEN that is not NUMBER; {@code =} / {@code <>} between two different known types. Further limits: a
 * tree depth and a nesting of parentheses and prefix operators of at most {@value #MAX_DEPTH} each.
 */
final class SelectorParser {

    static final int MAX_DEPTH = 100;

    private enum Kind {
        BOOLEAN("a boolean"),
        NUMBER("a number"),
        STRING("a string"),
        ANY("an identifier");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /**
     * A parsed expression with its static type, where it starts, its depth (operators above a leaf; a literal
     * or identifier is 0) and whether it is a bare identifier.
     */
    private record Typed(Expression expression, Kind kind, int column, int depth, boolean identifier) {

        Typed(Expression expression, Kind kind, int column, int depth) {
            this(expression, kind, column, depth, false);
        }
    }

    private final SelectorLexer lexer;
    private Token current;
    private int nesting;

    private SelectorParser(String text) {
        this.lexer = new SelectorLexer(text);
        this.current = lexer.next();
    }

    /** The expression of a selector text, or null if it has no tokens (matches everything). */
    static Expression parse(String text) {
        SelectorParser parser = new SelectorParser(text);
        if (parser.current.type() == Type.END) {
            return null;
        }
        Typed selector = parser.or();
        if (parser.current.type() == Type.RIGHT_PAREN) {
            throw parser.error("unbalanced ')': there is no '(' to close");
        }
        if (parser.current.type() != Type.END) {
            throw parser.error(
                    "unexpected " + parser.current.describe() + "; expected AND, OR or the end of the selector");
        }
        if (selector.kind() != Kind.BOOLEAN && selector.kind() != Kind.ANY) {
            throw new SelectorSyntaxException(
                    "a selector must be a condition, not " + selector.kind().description, selector.column());
        }
        return selector.expression();
    }

    private Typed or() {
        return logical(Type.OR);
    }

    private Typed and() {
        return logical(Type.AND);
    }

    /** {@code operand { keyword operand }} as one n-ary node, so long chains do not deepen the tree. */
    private Typed logical(Type keyword) {
        Typed first = keyword == Type.OR ? and() : not();
        if (current.type() != keyword) {
            return first;
        }
        Token operator = current;
        List<Expression> operands = new ArrayList<>();
        operands.add(condition(first, keyword.name()));
        int depth = first.depth();
        while (current.type() == keyword) {
            advance();
            Typed next = keyword == Type.OR ? and() : not();
            operands.add(condition(next, keyword.name()));
            depth = Math.max(depth, next.depth());
        }
        Expression node = keyword == Type.OR ? new Or(List.copyOf(operands)) : new And(List.copyOf(operands));
        return typed(node, Kind.BOOLEAN, first.column(), depth + 1, operator);
    }

    private Typed not() {
        if (current.type() != Type.NOT) {
            return predicate();
        }
        Token operator = current;
        enter(operator);
        advance();
        Typed operand = not();
        nesting--;
        return typed(
                new Not(condition(operand, "NOT")), Kind.BOOLEAN, operator.column(), operand.depth() + 1, operator);
    }

    private Typed predicate() {
        Typed left = additive();
        Token operator = current;
        Typed result =
                switch (operator.type()) {
                    case EQUAL -> comparison(left, ComparisonOperator.EQUAL);
                    case NOT_EQUAL -> comparison(left, ComparisonOperator.NOT_EQUAL);
                    case LESS -> comparison(left, ComparisonOperator.LESS);
                    case LESS_OR_EQUAL -> comparison(left, ComparisonOperator.LESS_OR_EQUAL);
                    case GREATER -> comparison(left, ComparisonOperator.GREATER);
                    case GREATER_OR_EQUAL -> comparison(left, ComparisonOperator.GREATER_OR_EQUAL);
                    case BETWEEN, IN, LIKE -> negatable(left, false);
                    case IS -> isNull(left);
                    case NOT -> {
                        advance();
                        if (current.type() != Type.BETWEEN
                                && current.type() != Type.IN
                                && current.type() != Type.LIKE) {
                            throw error("expected BETWEEN, IN or LIKE after NOT, found " + current.describe());
                        }
                        yield negatable(left, true);
                    }
                    default -> left;
                };
        if (result != left && isComparisonStart(current.type())) {
            throw error("comparisons cannot be chained; use parentheses, e.g. (a = b) = TRUE");
        }
        return result;
    }

    private static boolean isComparisonStart(Type type) {
        return switch (type) {
            case EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, BETWEEN, IN, LIKE, IS -> true;
            default -> false;
        };
    }

    private Typed comparison(Typed left, ComparisonOperator operator) {
        Token token = current;
        advance();
        Typed right = additive();
        if (operator.isEquality()) {
            if (left.kind() != Kind.ANY && right.kind() != Kind.ANY && left.kind() != right.kind()) {
                throw new SelectorSyntaxException(
                        "'" + operator.symbol + "' cannot compare " + left.kind().description + " with "
                                + right.kind().description,
                        token.column());
            }
        } else {
            String problem =
                    "'" + operator.symbol + "' cannot compare %s (strings and booleans only compare with = and <>)";
            numeric(left, problem);
            numeric(right, problem);
        }
        return typed(
                new Comparison(operator, left.expression(), right.expression()),
                Kind.BOOLEAN,
                left.column(),
                Math.max(left.depth(), right.depth()) + 1,
                token);
    }

    /** BETWEEN, IN or LIKE, the current token, after an optional NOT. */
    private Typed negatable(Typed left, boolean negated) {
        Token keyword = current;
        advance();
        return switch (keyword.type()) {
            case BETWEEN -> between(left, negated, keyword);
            case IN -> in(identifier(left, keyword), negated, keyword);
            default -> like(identifier(left, keyword), negated, keyword);
        };
    }

    private Typed between(Typed value, boolean negated, Token keyword) {
        numeric(value, "BETWEEN applies to numbers, not to %s");
        Typed low = numeric(additive(), "BETWEEN applies to numbers, not to %s");
        expect(Type.AND, "expected AND between the bounds of BETWEEN");
        Typed high = numeric(additive(), "BETWEEN applies to numbers, not to %s");
        int depth = Math.max(value.depth(), Math.max(low.depth(), high.depth())) + 1;
        return typed(
                new Between(value.expression(), low.expression(), high.expression(), negated),
                Kind.BOOLEAN,
                value.column(),
                depth,
                keyword);
    }

    private Typed in(Attribute attribute, boolean negated, Token keyword) {
        expect(Type.LEFT_PAREN, "expected '(' after IN");
        if (current.type() == Type.RIGHT_PAREN) {
            throw error("the IN list must not be empty");
        }
        Set<String> values = new LinkedHashSet<>();
        values.add(stringInList());
        while (current.type() == Type.COMMA) {
            advance();
            values.add(stringInList());
        }
        expect(Type.RIGHT_PAREN, "expected ',' or ')' in the IN list");
        return new Typed(new In(attribute, Set.copyOf(values), negated), Kind.BOOLEAN, keyword.column(), 1);
    }

    private String stringInList() {
        if (current.type() != Type.STRING) {
            throw error("the IN list may only contain string literals, found " + current.describe());
        }
        String value = current.text();
        advance();
        return value;
    }

    private Typed like(Attribute attribute, boolean negated, Token keyword) {
        if (current.type() != Type.STRING) {
            throw error("the LIKE pattern must be a string literal, found " + current.describe());
        }
        Token pattern = current;
        advance();
        int escape = -1;
        if (current.type() == Type.ESCAPE) {
            advance();
            if (current.type() != Type.STRING
                    || current.text().codePointCount(0, current.text().length()) != 1) {
                throw error("ESCAPE must be followed by a string literal of exactly one character, found "
                        + current.describe());
            }
            escape = current.text().codePointAt(0);
            advance();
        }
        LikePattern compiled = LikePattern.compile(pattern.text(), escape, pattern.column());
        return new Typed(new Like(attribute, compiled, negated), Kind.BOOLEAN, keyword.column(), 1);
    }

    private Typed isNull(Typed left) {
        Token keyword = current;
        Attribute attribute = identifier(left, keyword);
        advance();
        boolean negated = false;
        if (current.type() == Type.NOT) {
            negated = true;
            advance();
        }
        expect(Type.NULL, negated ? "expected NULL after IS NOT" : "expected NULL or NOT NULL after IS");
        return new Typed(new IsNull(attribute, negated), Kind.BOOLEAN, keyword.column(), 1);
    }

    private Attribute identifier(Typed left, Token keyword) {
        if (!left.identifier()) {
            String what = left.kind() == Kind.ANY ? "an expression in parentheses" : left.kind().description;
            throw new SelectorSyntaxException(
                    keyword.text().toUpperCase(Locale.ROOT) + " must follow an identifier, not " + what,
                    keyword.column());
        }
        return (Attribute) left.expression();
    }

    private Typed additive() {
        Typed left = multiplicative();
        while (current.type() == Type.PLUS || current.type() == Type.MINUS) {
            Token operator = current;
            advance();
            left = arithmetic(
                    operator,
                    operator.type() == Type.PLUS ? ArithmeticOperator.ADD : ArithmeticOperator.SUBTRACT,
                    left,
                    multiplicative());
        }
        return left;
    }

    private Typed multiplicative() {
        Typed left = unary();
        while (current.type() == Type.TIMES || current.type() == Type.DIVIDE) {
            Token operator = current;
            advance();
            left = arithmetic(
                    operator,
                    operator.type() == Type.TIMES ? ArithmeticOperator.MULTIPLY : ArithmeticOperator.DIVIDE,
                    left,
                    unary());
        }
        return left;
    }

    private Typed arithmetic(Token token, ArithmeticOperator operator, Typed left, Typed right) {
        String problem = "'" + operator.symbol + "' applies to numbers, not to %s";
        numeric(left, problem);
        numeric(right, problem);
        return typed(
                new Arithmetic(operator, left.expression(), right.expression()),
                Kind.NUMBER,
                left.column(),
                Math.max(left.depth(), right.depth()) + 1,
                token);
    }

    private Typed unary() {
        if (current.type() != Type.PLUS && current.type() != Type.MINUS) {
            return primary();
        }
        Token sign = current;
        boolean negate = sign.type() == Type.MINUS;
        enter(sign);
        advance();
        Typed result;
        if (current.type() == Type.EXACT || current.type() == Type.APPROXIMATE) {
            // a signed numeric literal, e.g. -957 (this is also how -9223372036854775808 is written)
            Token number = current;
            advance();
            result = new Typed(new Literal(number(number, negate)), Kind.NUMBER, sign.column(), 0);
        } else {
            Typed operand = numeric(unary(), "unary '" + sign.text() + "' applies to numbers, not to %s");
            result = typed(
                    new Sign(negate, operand.expression()), Kind.NUMBER, sign.column(), operand.depth() + 1, sign);
        }
        nesting--;
        return result;
    }

    private Typed primary() {
        Token token = current;
        switch (token.type()) {
            case IDENTIFIER -> {
                advance();
                return new Typed(new Attribute(token.text()), Kind.ANY, token.column(), 0, true);
            }
            case STRING -> {
                advance();
                return new Typed(new Literal(token.text()), Kind.STRING, token.column(), 0);
            }
            case EXACT, APPROXIMATE -> {
                advance();
                return new Typed(new Literal(number(token, false)), Kind.NUMBER, token.column(), 0);
            }
            case TRUE, FALSE -> {
                advance();
                return new Typed(new Literal(token.type() == Type.TRUE), Kind.BOOLEAN, token.column(), 0);
            }
            case LEFT_PAREN -> {
                enter(token);
                advance();
                Typed inner = or();
                if (current.type() != Type.RIGHT_PAREN) {
                    throw error("expected ')' to close the '(' at column " + token.column() + ", found "
                            + current.describe());
                }
                advance();
                nesting--;
                return new Typed(inner.expression(), inner.kind(), token.column(), inner.depth());
            }
            case NULL -> throw error("NULL can only be used in IS NULL and IS NOT NULL");
            case END -> throw error("expected an operand, found the end of the selector");
            default -> {
                if (token.type().isKeyword()) {
                    throw error("expected an operand, found keyword " + token.text()
                            + " (keywords cannot be used as identifiers)");
                }
                throw error("expected an operand, found " + token.describe());
            }
        }
    }

    private static Object number(Token token, boolean negate) {
        String text = token.text();
        if (token.type() == Type.APPROXIMATE) {
            char last = text.charAt(text.length() - 1);
            double value = last == 'f' || last == 'F' ? Float.parseFloat(text) : Double.parseDouble(text);
            return negate ? -value : value;
        }
        String digits = text.endsWith("l") || text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        try {
            return Long.parseLong(negate ? "-" + digits : digits);
        } catch (NumberFormatException e) {
            throw new SelectorSyntaxException(
                    "number " + text + " is out of range (exact numbers are 64-bit, from -9223372036854775808"
                            + " to 9223372036854775807)",
                    token.column());
        }
    }

    private Expression condition(Typed operand, String operator) {
        if (operand.kind() != Kind.BOOLEAN && operand.kind() != Kind.ANY) {
            throw new SelectorSyntaxException(
                    operator + " applies to conditions, not to " + operand.kind().description, operand.column());
        }
        return operand.expression();
    }

    /** @param problem the error message, with {@code %s} for what the operand is */
    private static Typed numeric(Typed operand, String problem) {
        if (operand.kind() != Kind.NUMBER && operand.kind() != Kind.ANY) {
            throw new SelectorSyntaxException(problem.formatted(operand.kind().description), operand.column());
        }
        return operand;
    }

    private static Typed typed(Expression expression, Kind kind, int column, int depth, Token operator) {
        if (depth > MAX_DEPTH) {
            throw new SelectorSyntaxException(
                    "the selector nests too deeply (more than " + MAX_DEPTH + " levels)", operator.column());
        }
        return new Typed(expression, kind, column, depth);
    }

    private void enter(Token token) {
        if (++nesting > MAX_DEPTH) {
            throw new SelectorSyntaxException(
                    "the selector nests too deeply (more than " + MAX_DEPTH
                            + " levels of parentheses and prefix operators)",
                    token.column());
        }
    }

    private void expect(Type type, String problem) {
        if (current.type() != type) {
            throw error(problem + ", found " + current.describe());
        }
        advance();
    }

    private void advance() {
        current = lexer.next();
    }

    private SelectorSyntaxException error(String problem) {
        return new SelectorSyntaxException(problem, current.column());
    }
}

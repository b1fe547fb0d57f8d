package dev.baton.activities.control;

/**
 * The value semantics of selectors. Values at evaluation time are {@code null} (SQL NULL, and UNKNOWN for
 * conditions), {@link Boolean}, {@link Long} (exact), {@link Double} (approximate), {@link String}, or any
 * other object from the attributes map, which is like no other type.
 */
final class Values {

    private Values() {}

    /** An attribute value as the selector sees it: Byte/Short/Integer become Long, Float becomes Double. */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** A value used as a condition: a Boolean is itself, anything else (NULL or not boolean) is UNKNOWN. */
    static Boolean truth(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    /**
     * A comparison: UNKNOWN if either side is NULL; FALSE if the sides are not of like type (exact and
     * approximate numbers are alike, compared after Java binary numeric promotion) or if strings or
     * booleans are ordered rather than tested with {@code =} / {@code <>}.
     */
    static Boolean compare(ComparisonOperator operator, Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof Long l && right instanceof Long r) {
            return operator.test(Long.compare(l, r));
        }
        if (isNumber(left) && isNumber(right)) {
            return compareDoubles(operator, ((Number) left).doubleValue(), ((Number) right).doubleValue());
        }
        boolean alike = (left instanceof String && right instanceof String)
                || (left instanceof Boolean && right instanceof Boolean);
        if (!alike) {
            return false;
        }
        return switch (operator) {
            case EQUAL -> left.equals(right);
            case NOT_EQUAL -> !left.equals(right);
            default -> false;
        };
    }

    /** Java's operators on doubles: NaN is unequal to everything, including itself; -0.0 equals 0.0. */
    private static boolean compareDoubles(ComparisonOperator operator, double l, double r) {
        return switch (operator) {
            case EQUAL -> l == r;
            case NOT_EQUAL -> l != r;
            case LESS -> l < r;
            case LESS_OR_EQUAL -> l <= r;
            case GREATER -> l > r;
            case GREATER_OR_EQUAL -> l >= r;
        };
    }

    /**
     * Arithmetic with Java numeric promotion: two exact operands give an exact result, otherwise the result
     * is approximate. NULL or non-numeric operands, exact overflow and exact division by zero give UNKNOWN
     * (null) rather than an exception or a wrapped-around value.
     */
    static Object arithmetic(ArithmeticOperator operator, Object left, Object right) {
        if (!isNumber(left) || !isNumber(right)) {
            return null;
        }
        if (left instanceof Long l && right instanceof Long r) {
            return exact(operator, l, r);
        }
        double l = ((Number) left).doubleValue();
        double r = ((Number) right).doubleValue();
        return switch (operator) {
            case ADD -> l + r;
            case SUBTRACT -> l - r;
            case MULTIPLY -> l * r;
            case DIVIDE -> l / r;
        };
    }

    private static Long exact(ArithmeticOperator operator, long l, long r) {
        try {
            return switch (operator) {
                case ADD -> Math.addExact(l, r);
                case SUBTRACT -> Math.subtractExact(l, r);
                case MULTIPLY -> Math.multiplyExact(l, r);
                case DIVIDE -> r == 0 || (l == Long.MIN_VALUE && r == -1) ? null : l / r;
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** Unary minus: UNKNOWN for NULL, non-numbers and the exact value that has no negation. */
    static Object negate(Object value) {
        if (value instanceof Long l) {
            return l == Long.MIN_VALUE ? null : -l;
        }
        if (value instanceof Double d) {
            return -d;
        }
        return null;
    }

    /** Unary plus: the number itself; UNKNOWN for NULL and non-numbers. */
    static Object plus(Object value) {
        return isNumber(value) ? value : null;
    }

    /** SQL AND: FALSE if either is FALSE, else UNKNOWN if either is UNKNOWN, else TRUE. */
    static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return false;
        }
        return left == null || right == null ? null : Boolean.TRUE;
    }

    /** SQL OR: TRUE if either is TRUE, else UNKNOWN if either is UNKNOWN, else FALSE. */
    static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return true;
        }
        return left == null || right == null ? null : Boolean.FALSE;
    }

    /** SQL NOT: UNKNOWN stays UNKNOWN. */
    static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }

    enum ComparisonOperator {
        EQUAL("="),
        NOT_EQUAL("<>"),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        GREATER(">"),
        GREATER_OR_EQUAL(">=");

        final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        boolean isEquality() {
            return this == EQUAL || this == NOT_EQUAL;
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case NOT_EQUAL -> comparison != 0;
                case LESS -> comparison < 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER -> comparison > 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
            };
        }
    }

    enum ArithmeticOperator {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        DIVIDE("/");

        final String symbol;

        ArithmeticOperator(String symbol) {
            this.symbol = symbol;
        }
    }
}

package dev.baton.activities.control;

import dev.baton.activities.control.Values.ArithmeticOperator;
import dev.baton.activities.control.Values.ComparisonOperator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a compiled selector. Immutable. {@link #evaluate} never throws: it gives a value as described in
 * {@link Values}; conditions give TRUE, FALSE or {@code null} for UNKNOWN.
 */
sealed interface Expression {

    Object evaluate(Map<String, ?> attributes);

    /** A string, exact (Long), approximate (Double) or boolean literal. */
    record Literal(Object value) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            return value;
        }
    }

    /** An identifier: the attribute's value, NULL when the attribute is absent. */
    record Attribute(String name) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            return Values.normalize(attributes.get(name));
        }
    }

    /** Unary {@code -} (negate) or {@code +}. */
    record Sign(boolean negate, Expression operand) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            Object value = operand.evaluate(attributes);
            return negate ? Values.negate(value) : Values.plus(value);
        }
    }

    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            return Values.arithmetic(operator, left.evaluate(attributes), right.evaluate(attributes));
        }
    }

    record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            return Values.compare(operator, left.evaluate(attributes), right.evaluate(attributes));
        }
    }

    /**
     * {@code v BETWEEN low AND high} is {@code v >= low AND v <= high}; {@code v NOT BETWEEN low AND high} is
     * {@code v < low OR v > high} (the spec's definition), with {@code v} evaluated once.
     */
    record Between(Expression value, Expression low, Expression high, boolean negated) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            Object v = value.evaluate(attributes);
            Object l = low.evaluate(attributes);
            Object h = high.evaluate(attributes);
            if (negated) {
                return Values.or(
                        Values.compare(ComparisonOperator.LESS, v, l),
                        Values.compare(ComparisonOperator.GREATER, v, h));
            }
            return Values.and(
                    Values.compare(ComparisonOperator.GREATER_OR_EQUAL, v, l),
                    Values.compare(ComparisonOperator.LESS_OR_EQUAL, v, h));
        }
    }

    /**
     * {@code id [NOT] IN ('a', ...)}: UNKNOWN when the attribute is NULL, FALSE (either way) when it is not a
     * string.
     */
    record In(Attribute attribute, Set<String> values, boolean negated) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            Object value = attribute.evaluate(attributes);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String string)) {
                return false;
            }
            return values.contains(string) != negated;
        }
    }

    /**
     * {@code id [NOT] LIKE 'pattern' [ESCAPE 'c']}: UNKNOWN when the attribute is NULL, FALSE (either way) when
     * it is not a string.
     */
    record Like(Attribute attribute, LikePattern pattern, boolean negated) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            Object value = attribute.evaluate(attributes);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String string)) {
                return false;
            }
            return pattern.matches(string) != negated;
        }
    }

    /** {@code id IS [NOT] NULL}: never UNKNOWN. */
    record IsNull(Attribute attribute, boolean negated) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            return (attribute.evaluate(attributes) == null) != negated;
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            return Values.not(Values.truth(operand.evaluate(attributes)));
        }
    }

    /** {@code a AND b AND ...}, left to right, stopping at the first FALSE. */
    record And(List<Expression> operands) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            Boolean result = true;
            for (Expression operand : operands) {
                result = Values.and(result, Values.truth(operand.evaluate(attributes)));
                if (Boolean.FALSE.equals(result)) {
                    return result;
                }
            }
            return result;
        }
    }

    /** {@code a OR b OR ...}, left to right, stopping at the first TRUE. */
    record Or(List<Expression> operands) implements Expression {
        @Override
        public Object evaluate(Map<String, ?> attributes) {
            Boolean result = false;
            for (Expression operand : operands) {
                result = Values.or(result, Values.truth(operand.evaluate(attributes)));
                if (Boolean.TRUE.equals(result)) {
                    return result;
                }
            }
            return result;
        }
    }
}

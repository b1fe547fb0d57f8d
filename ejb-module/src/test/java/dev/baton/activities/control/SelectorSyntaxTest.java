package dev.baton.activities.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Selectors rejected at compile time, with the column of the problem and what the message says. */
class SelectorSyntaxTest {

    @ParameterizedTest(name = "{0} fails at column {1}: {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            # strings
            a = 'abc | 5 | unterminated string literal
            ' | 1 | unterminated string literal
            a = 'it''s | 5 | unterminated string literal
            # parentheses
            (a = 1 | 7 | expected ')' to close the '(' at column 1, found the end of the selector
            ((a = 1) | 9 | expected ')' to close the '(' at column 1
            (a = 1 b | 8 | expected ')' to close the '(' at column 1, found identifier b
            a = 1) | 6 | unbalanced ')': there is no '(' to close
            (a = 1)) | 8 | unbalanced ')'
            ) | 1 | expected an operand, found ')'
            () | 2 | expected an operand, found ')'
            a = (1 + 2 | 11 | expected ')' to close the '(' at column 5
            # unknown tokens
            a = 1 # 2 | 7 | unknown character '#'
            a != 1 | 3 | unknown operator '!='; not equal is written '<>'
            a = 1 ! b | 7 | unknown character '!'
            a ≠ 1 | 3 | unknown character '≠'
            [a] = 1 | 1 | unknown character '['
            a.b = 1 | 2 | unknown character '.'
            a = 1 ; b | 7 | unknown character ';'
            a = 1 & b = 2 | 7 | unknown character '&'
            a\u00A0= 1 | 2 | unknown character U+00A0
            # missing operands
            a = | 4 | expected an operand, found the end of the selector
            a == 1 | 4 | expected an operand, found '='
            a = 1 AND | 10 | expected an operand, found the end of the selector
            AND a = 1 | 1 | expected an operand, found keyword AND (keywords cannot be used as identifiers)
            a = 1 OR OR b = 2 | 10 | expected an operand, found keyword OR
            NOT | 4 | expected an operand, found the end of the selector
            a + | 4 | expected an operand, found the end of the selector
            * a = 1 | 1 | expected an operand, found '*'
            a = 1 + * 2 | 9 | expected an operand, found '*'
            a > | 4 | expected an operand
            a = , | 5 | expected an operand, found ','
            # keywords are not identifiers (case-insensitively)
            NULL = 1 | 1 | NULL can only be used in IS NULL and IS NOT NULL
            a = NULL | 5 | NULL can only be used in IS NULL and IS NOT NULL
            null IS NULL | 1 | NULL can only be used
            IN = 'x' | 1 | found keyword IN (keywords cannot be used as identifiers)
            and = 1 | 1 | found keyword and
            x = 1 AND like = 2 | 11 | found keyword like
            escape = 'x' | 1 | found keyword escape
            Is = 1 | 1 | found keyword Is
            between = 1 | 1 | found keyword between
            OR = 1 | 1 | found keyword OR
            a = not b | 5 | found keyword not
            not = 1 | 5 | expected an operand, found '='
            # BETWEEN
            a BETWEEN 1 | 12 | expected AND between the bounds of BETWEEN, found the end of the selector
            a BETWEEN 1 AND | 16 | expected an operand, found the end of the selector
            a BETWEEN AND 2 | 11 | found keyword AND
            a BETWEEN 1 OR 2 | 13 | expected AND between the bounds of BETWEEN, found keyword OR
            a BETWEEN 'a' AND 'z' | 11 | BETWEEN applies to numbers, not to a string
            'a' BETWEEN 1 AND 2 | 1 | BETWEEN applies to numbers, not to a string
            a BETWEEN 1 AND TRUE | 17 | BETWEEN applies to numbers, not to a boolean
            (a = 1) BETWEEN 1 AND 2 | 1 | BETWEEN applies to numbers, not to a boolean
            # NOT and IS
            a NOT 1 | 7 | expected BETWEEN, IN or LIKE after NOT, found number 1
            a NOT = 1 | 7 | expected BETWEEN, IN or LIKE after NOT, found '='
            a NOT | 6 | expected BETWEEN, IN or LIKE after NOT, found the end of the selector
            a IS 1 | 6 | expected NULL or NOT NULL after IS, found number 1
            a IS | 5 | expected NULL or NOT NULL after IS
            a IS NOT 1 | 10 | expected NULL after IS NOT, found number 1
            a IS NOT | 9 | expected NULL after IS NOT, found the end of the selector
            a IS NULL NULL | 11 | unexpected keyword NULL; expected AND, OR or the end of the selector
            a NOT IS NULL | 7 | expected BETWEEN, IN or LIKE after NOT, found keyword IS
            TRUE IS NULL | 6 | IS must follow an identifier, not a boolean
            'x' IS NOT NULL | 5 | IS must follow an identifier, not a string
            (a) IS NULL | 5 | IS must follow an identifier, not an expression in parentheses
            a + 1 IS NULL | 7 | IS must follow an identifier, not a number
            # IN
            a IN () | 7 | the IN list must not be empty
            a IN (1, 2) | 7 | the IN list may only contain string literals, found number 1
            a IN ('x', 2) | 12 | the IN list may only contain string literals, found number 2
            a IN ('x', b) | 12 | the IN list may only contain string literals, found identifier b
            a IN ('x', TRUE) | 12 | the IN list may only contain string literals, found keyword TRUE
            a IN ('x', -1) | 12 | the IN list may only contain string literals, found '-'
            a IN 'x' | 6 | expected '(' after IN, found string literal 'x'
            a IN | 5 | expected '(' after IN, found the end of the selector
            a IN ('x' | 10 | expected ',' or ')' in the IN list, found the end of the selector
            a IN ('x',) | 11 | the IN list may only contain string literals, found ')'
            a IN ('x' 'y') | 11 | expected ',' or ')' in the IN list, found string literal 'y'
            a NOT IN ('x'; 'y') | 14 | unknown character ';'
            'x' IN ('x') | 5 | IN must follow an identifier, not a string
            (a) IN ('x') | 5 | IN must follow an identifier, not an expression in parentheses
            a + 1 NOT IN ('x') | 11 | IN must follow an identifier, not a number
            # LIKE
            a LIKE b | 8 | the LIKE pattern must be a string literal, found identifier b
            a LIKE 5 | 8 | the LIKE pattern must be a string literal, found number 5
            a LIKE ('x') | 8 | the LIKE pattern must be a string literal, found '('
            a LIKE | 7 | the LIKE pattern must be a string literal, found the end of the selector
            a NOT LIKE NULL | 12 | the LIKE pattern must be a string literal, found keyword NULL
            a LIKE 'x' ESCAPE '' | 19 | ESCAPE must be followed by a string literal of exactly one character, found string literal ''
            a LIKE 'x' ESCAPE 'ab' | 19 | ESCAPE must be followed by a string literal of exactly one character
            a LIKE 'x' ESCAPE b | 19 | ESCAPE must be followed by a string literal of exactly one character, found identifier b
            a LIKE 'x' ESCAPE | 18 | ESCAPE must be followed by a string literal of exactly one character, found the end of the selector
            a LIKE 'x!' ESCAPE '!' | 8 | LIKE pattern ends with the escape character '!'
            a LIKE '!x' ESCAPE '!' | 8 | the escape character '!' may only precede '%', '_' or itself, not 'x'
            a LIKE '1%' ESCAPE '%' | 8 | LIKE pattern ends with the escape character '%'
            a LIKE '_ello' ESCAPE '_' | 8 | the escape character '_' may only precede '%', '_' or itself, not 'e'
            under LIKE '_D7xlJIQn__' ESCAPE '_' | 12 | the escape character '_' may only precede '%', '_' or itself, not 'D'
            5 LIKE '5' | 3 | LIKE must follow an identifier, not a number
            'x' NOT LIKE 'x' | 9 | LIKE must follow an identifier, not a string
            # the selector, and operands of AND / OR / NOT, must be conditions
            a + 1 | 1 | a selector must be a condition, not a number
            'x' | 1 | a selector must be a condition, not a string
            5 | 1 | a selector must be a condition, not a number
            -a | 1 | a selector must be a condition, not a number
            (a + 1) | 1 | a selector must be a condition, not a number
            a * 2 / 3 | 1 | a selector must be a condition, not a number
            a AND 5 | 7 | AND applies to conditions, not to a number
            'x' OR a | 1 | OR applies to conditions, not to a string
            a OR b OR 'x' | 11 | OR applies to conditions, not to a string
            NOT 5 | 5 | NOT applies to conditions, not to a number
            NOT 'x' | 5 | NOT applies to conditions, not to a string
            a = 1 AND (b + 1) | 11 | AND applies to conditions, not to a number
            # arithmetic is on numbers
            'a' + 1 = 2 | 1 | '+' applies to numbers, not to a string
            a + 'b' = 1 | 5 | '+' applies to numbers, not to a string
            TRUE * 2 = 2 | 1 | '*' applies to numbers, not to a boolean
            a / FALSE = 2 | 5 | '/' applies to numbers, not to a boolean
            a - 'b' = 1 | 5 | '-' applies to numbers, not to a string
            -'x' = 1 | 2 | unary '-' applies to numbers, not to a string
            +TRUE = 1 | 2 | unary '+' applies to numbers, not to a boolean
            (a > 1) + 1 = 2 | 1 | '+' applies to numbers, not to a boolean
            # comparisons: like types only; strings and booleans only with = and <>
            'a' < 'b' | 1 | '<' cannot compare a string (strings and booleans only compare with = and <>)
            s > 'a' | 5 | '>' cannot compare a string
            b <= TRUE | 6 | '<=' cannot compare a boolean
            TRUE >= 1 | 1 | '>=' cannot compare a boolean
            (a = 1) < 2 | 1 | '<' cannot compare a boolean
            'a' = 1 | 5 | '=' cannot compare a string with a number
            TRUE <> 1 | 6 | '<>' cannot compare a boolean with a number
            '1' = 1.0 | 5 | '=' cannot compare a string with a number
            (a > 1) = 'x' | 9 | '=' cannot compare a boolean with a string
            1 + 1 = TRUE | 7 | '=' cannot compare a number with a boolean
            # comparisons do not chain
            a = 1 = TRUE | 7 | comparisons cannot be chained; use parentheses
            a < b < c | 7 | comparisons cannot be chained
            a = 1 IS NULL | 7 | comparisons cannot be chained
            a IS NULL = TRUE | 11 | comparisons cannot be chained
            a BETWEEN 1 AND 2 BETWEEN 1 AND 2 | 19 | comparisons cannot be chained
            a LIKE 'x' = TRUE | 12 | comparisons cannot be chained
            a IN ('x') IN ('y') | 12 | comparisons cannot be chained
            # numbers: decimal Java literals, exact within 64 bits, approximate within double
            a = 1e | 5 | malformed number: exponent without digits
            a = 1e+ | 5 | malformed number: exponent without digits
            a = 1.5e-x | 5 | malformed number: exponent without digits
            a = 0x1F | 5 | hexadecimal literals are not supported
            a = 017 | 5 | octal literals are not supported
            a = 00 | 5 | octal literals are not supported
            a = 12abc | 5 | malformed number '12a'
            a = 1_000 | 5 | malformed number '1_'
            a = 3.5L | 5 | malformed number '3.5L'
            a = 5LL | 5 | malformed number '5LL'
            a = 9223372036854775808 | 5 | number 9223372036854775808 is out of range
            a = -9223372036854775809 | 6 | number 9223372036854775809 is out of range
            a = 1e999 | 5 | number 1e999 is too large
            a = 1e-999 | 5 | number 1e-999 is too small
            a = 1e39f | 5 | number 1e39f is too large
            a = 1.5.2 | 8 | unexpected number .2; expected AND, OR or the end of the selector
            # trailing garbage
            prop1 = prop2 foo AND string = 'Test' | 15 | unexpected identifier foo; expected AND, OR or the end of the selector
            a = 1 AMD  b = 2 | 7 | unexpected identifier AMD
            =TEST 'test' | 1 | expected an operand, found '='
            3+5 | 1 | a selector must be a condition, not a number
            True AND 3+5 | 10 | AND applies to conditions, not to a number
            a = 1 b | 7 | unexpected identifier b; expected AND, OR or the end of the selector
            a = 1 2 | 7 | unexpected number 2
            a b | 3 | unexpected identifier b
            TRUE FALSE | 6 | unexpected keyword FALSE
            a = 1, | 6 | unexpected ','
            a = 1 'x' | 7 | unexpected string literal 'x'
            a = 1 NOT b | 7 | unexpected keyword NOT; expected AND, OR or the end of the selector
            """)
    void rejects(String selector, int column, String problem) {
        assertThatThrownBy(() -> Selector.compile(selector))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> {
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).isEqualTo("Invalid selector at column " + column + ": " + e.problem());
                });
    }

    @Test
    void doubleQuotesAreNotStringDelimiters() {
        assertThatThrownBy(() -> Selector.compile("a = \"x\""))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.problem()).contains("string literals are written in single quotes");
                });
    }

    @Test
    void reportsTheFirstProblemFromTheLeft() {
        assertThatThrownBy(() -> Selector.compile("a = = 'unterminated"))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> assertThat(e.column())
                        .isEqualTo(5));
    }

    @Test
    void columnsCountLineBreaksAsOneCharacter() {
        assertThatThrownBy(() -> Selector.compile("a = 1\nAND\r\nb = "))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> assertThat(e.column())
                        .isEqualTo(16));
    }

    /** Whitespace is space, tab, form feed and line terminators; others (e.g. em space) are not. */
    @Test
    void whitespaceIsWhatTheSpecSays() {
        assertThat(Selector.compile(" \ta\f=\n5\r\nAND\tb ").matches(java.util.Map.of("a", 5L, "b", true)))
                .isTrue();
        assertThatThrownBy(() -> Selector.compile("a\u2003= 5"))
                .isInstanceOfSatisfying(SelectorSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(2);
                    assertThat(e.problem()).isEqualTo("unknown character U+2003");
                });
    }

    /** Keywords are ASCII case-insensitive: a dotless ı (which upper-cases to I) does not make IN. */
    @Test
    void keywordsAreCaseInsensitiveInAsciiOnly() {
        assertThat(Selector.compile("ın = 'x'").matches(java.util.Map.of("ın", "x")))
                .isTrue();
        assertThat(Selector.compile("a iN ('x') AnD a Is NoT nUlL").matches(java.util.Map.of("a", "x")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a = 1f", "a = 1.f", "a = 7.", "a = .5", "a = 1D", "a = 0", "a = 0.0", "a = 00.5", "a = 0L"})
    void acceptsJavaDecimalLiterals(String selector) {
        assertThat(Selector.compile(selector).source()).isEqualTo(selector);
    }
}

package dev.baton.activities.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What selectors evaluate to, as TRUE (T), FALSE (F) or UNKNOWN (U): a selector is TRUE when it matches,
 * FALSE when {@code NOT (selector)} matches, UNKNOWN when neither does.
 */
class SelectorEvaluationTest {

    private static final Map<String, Object> ATTRIBUTES = attributes();

    private static Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("s", "hello");
        attributes.put("e", "");
        attributes.put("q", "it's");
        attributes.put("c", "UK");
        attributes.put("b", true);
        attributes.put("f", false);
        attributes.put("n", null);
        attributes.put("i", 5);
        attributes.put("l", 5L);
        attributes.put("sh", (short) 5);
        attributes.put("by", (byte) 5);
        attributes.put("z", 0L);
        attributes.put("neg", -3L);
        attributes.put("d", 5.0);
        attributes.put("h", 0.5);
        attributes.put("fl", 0.1f);
        attributes.put("nan", Double.NaN);
        attributes.put("big", Long.MAX_VALUE);
        attributes.put("min", Long.MIN_VALUE);
        attributes.put("obj", List.of("x"));
        attributes.put("p", "a.b*c(d)$e");
        attributes.put("ax", "axb");
        attributes.put("br", "[ab]");
        attributes.put("bs", "a\\b");
        attributes.put("pct", "100%");
        attributes.put("us", "_foo");
        attributes.put("bar", "bar");
        attributes.put("nl", "line1\nline2");
        attributes.put("emoji", "\uD83D\uDE00x");
        attributes.put("p1", "123");
        attributes.put("p2", "12993");
        attributes.put("p3", "1234");
        attributes.put("lose", "lose");
        attributes.put("loose", "loose");
        attributes.put("$d", 1L);
        attributes.put("_u", 2L);
        attributes.put("größe", 3L);
        attributes.put("notes", "n");
        attributes.put("island", true);
        attributes.put("JMSType", "car");
        attributes.put("quote", "'In God We Trust'");
        attributes.put("under", "XD7xlJIQn_");
        return attributes;
    }

    static String truth(String selector, Map<String, ?> attributes) {
        if (Selector.compile(selector).matches(attributes)) {
            assertThat(Selector.compile("NOT (" + selector + ")").matches(attributes))
                    .as("NOT of a TRUE selector")
                    .isFalse();
            return "T";
        }
        return Selector.compile("NOT (" + selector + ")").matches(attributes) ? "F" : "U";
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            # literals and identifiers used as conditions
            TRUE | T
            FALSE | F
            true | T
            False | F
            b | T
            f | F
            n | U
            missing | U
            s | U
            i | U
            obj | U
            island | T
            NOT b | F
            NOT f | T
            NOT n | U
            NOT s | U
            # identifiers are case-sensitive; Java identifier characters; keywords only match whole words
            S = 'hello' | U
            $d = 1 AND _u = 2 AND größe = 3 | T
            notes = 'n' AND island AND JMSType = 'car' | T
            # strings: = and <> only, exact and case-sensitive
            s = 'hello' | T
            s = 'Hello' | F
            s = 'hello ' | F
            'hello' = s | T
            s <> 'hello' | F
            s <> 'world' | T
            q = 'it''s' | T
            e = '' | T
            e = ' ' | F
            # exact numbers, all integral types alike
            i = 5 | T
            l = 5 | T
            sh = 5 | T
            by = 5 | T
            i = l | T
            l = 5L | T
            l = +5 | T
            neg = -3 | T
            neg < -2 | T
            i > 4 | T
            i > 5 | F
            i >= 5 | T
            i >= 6 | F
            i < 6 | T
            i < 5 | F
            i <= 5 | T
            i <= 4 | F
            i <> 5 | F
            i <> 4 | T
            big = 9223372036854775807 | T
            big = 9223372036854775806 | F
            min = -9223372036854775808 | T
            min = - 9223372036854775808 | T
            min = -9223372036854775807 - 1 | T
            # approximate numbers and numeric promotion (long to double, float to double, as in Java)
            d = 5 | T
            i = 5.0 | T
            l = 5.0 | T
            d = 5.0 | T
            d = 5E0 | T
            d > 4.9 | T
            d < 5 | F
            i = d | T
            h = .5 | T
            h = 5E-1 | T
            h = 0.5e0 | T
            h = 5e-1d | T
            d = 7. - 2 | T
            d = 0.05E2 | T
            -57.9E2 = -5790 | T
            7E3 = 7000 | T
            +6.2 > 6 | T
            fl = 0.1 | F
            fl = 0.1f | T
            z = -0.0 | T
            big > 9.2E18 | T
            big = 9.223372036854775807E18 | T
            big - 1 = 9.223372036854775807E18 | T
            nan = nan | F
            nan <> nan | T
            nan < 1 | F
            nan >= 1 | F
            # arithmetic: Java promotion; exact division truncates
            i + 1 = 6 | T
            i - 1 = 4 | T
            i * 2 = 10 | T
            i / 2 = 2 | T
            i / 2 = 2.5 | F
            -i / 2 = -2 | T
            i / 2.0 = 2.5 | T
            d / 2 = 2.5 | T
            -i = -5 | T
            - -i = 5 | T
            -d = -5.0 | T
            +i = 5 | T
            -i * 2 = -10 | T
            2 * -i = -10 | T
            -2 * -3 = 6 | T
            2 - -3 = 5 | T
            1 + 2 * 3 = 7 | T
            (1 + 2) * 3 = 9 | T
            10 - 4 - 3 = 3 | T
            100 / 10 / 5 = 2 | T
            1 + 2 * 3 - 4 / 2 = 5 | T
            i + 1 > 5 AND s = 'hello' | T
            # arithmetic that Java would throw on, wrap around, or do on non-numbers: UNKNOWN
            i / 0 = 0 | U
            i / 0 <> 0 | U
            min / -1 < 0 | U
            -min > 0 | U
            - -9223372036854775808 = min | U
            big + 1 > 0 | U
            big * 2 > 0 | U
            min - 1 < 0 | U
            d / 0 > 1000 | T
            i / 0.0 > 1000 | T
            s + 1 = 1 | U
            b + 1 = 1 | U
            n + 1 = 1 | U
            missing * 2 = 0 | U
            -s = 1 | U
            +s = 1 | U
            -b = 1 | U
            obj + 1 = 1 | U
            # comparing unlike types is FALSE, whatever the operator
            s = 5 | F
            s <> 5 | F
            i = '5' | F
            i <> '5' | F
            b = 1 | F
            b <> 1 | F
            b = 'true' | F
            s = i | F
            obj = obj | F
            obj = 1 | F
            obj <> 'x' | F
            # strings and booleans are only compared with = and <>; ordering them is FALSE
            s > c | F
            c < s | F
            s <= s | F
            b > f | F
            s < i | F
            # booleans
            b = TRUE | T
            b <> FALSE | T
            f = FALSE | T
            b = f | F
            b <> f | T
            (i > 4) = TRUE | T
            (i > 4) = b | T
            (i > 4) <> (i < 4) | T
            (n > 4) = TRUE | U
            # comparisons with NULL are UNKNOWN
            n = 1 | U
            n <> 1 | U
            n = n | U
            n = s | U
            s = n | U
            missing = 'x' | U
            1 = missing | U
            missing = missing | U
            n > 1 | U
            n = TRUE | U
            # AND truth table
            b AND b | T
            b AND f | F
            b AND n | U
            f AND b | F
            f AND f | F
            f AND n | F
            n AND b | U
            n AND f | F
            n AND n | U
            b AND b AND b AND n | U
            n AND b AND f | F
            # OR truth table
            b OR b | T
            b OR f | T
            b OR n | T
            f OR b | T
            f OR f | F
            f OR n | U
            n OR b | T
            n OR f | U
            n OR n | U
            f OR f OR n OR f | U
            n OR f OR b | T
            # NOT truth table, and identifiers that are not booleans
            NOT b | F
            NOT f | T
            NOT n | U
            NOT NOT b | T
            NOT NOT f | F
            NOT NOT n | U
            s AND b | U
            s OR b | T
            i OR f | U
            # precedence: NOT over AND over OR; comparison over NOT; arithmetic over comparison
            b OR b AND f | T
            (b OR b) AND f | F
            f AND f OR b | T
            f AND (f OR b) | F
            b OR f AND n | T
            f OR b AND n | U
            NOT f AND f | F
            NOT (f AND f) | T
            NOT b OR b | T
            NOT (b OR b) | F
            NOT i = 5 | F
            NOT i > 6 | T
            NOT i = 5 OR b | T
            (b) | T
            ((i)) = 5 | T
            # BETWEEN: v >= low AND v <= high; NOT BETWEEN: v < low OR v > high
            i BETWEEN 1 AND 10 | T
            i BETWEEN 5 AND 5 | T
            i BETWEEN 6 AND 10 | F
            i BETWEEN 1 AND 4 | F
            i BETWEEN 10 AND 1 | F
            i NOT BETWEEN 6 AND 10 | T
            i NOT BETWEEN 1 AND 10 | F
            i NOT BETWEEN 10 AND 1 | T
            d BETWEEN 4.5 AND 5.5 | T
            i BETWEEN 4.5 AND 5 | T
            h BETWEEN 0 AND 1 | T
            -i BETWEEN -6 AND -4 | T
            i BETWEEN 1 + 1 AND i * 2 | T
            i BETWEEN 1 AND 10 AND b | T
            i BETWEEN 1 AND 10 AND f | F
            i between 1 and 10 | T
            n BETWEEN 1 AND 10 | U
            n NOT BETWEEN 1 AND 10 | U
            missing BETWEEN 1 AND 2 | U
            i BETWEEN n AND 10 | U
            i BETWEEN n AND 4 | F
            i NOT BETWEEN n AND 4 | T
            i NOT BETWEEN n AND 10 | U
            s BETWEEN 1 AND 10 | F
            s NOT BETWEEN 1 AND 10 | F
            b BETWEEN 0 AND 1 | F
            # IN: string literals, exact match; NULL is UNKNOWN; a non-string is FALSE either way
            c IN ('UK', 'US', 'France') | T
            c IN ('US', 'France') | F
            c NOT IN ('US', 'France') | T
            c NOT IN ('UK') | F
            c IN ('uk') | F
            c IN ('UK', 'UK') | T
            c in ('UK') | T
            q IN ('it''s') | T
            e IN ('') | T
            c IN ('UK') AND NOT c IN ('US') | T
            n IN ('UK') | U
            n NOT IN ('UK') | U
            missing IN ('UK') | U
            i IN ('5') | F
            i NOT IN ('5') | F
            b NOT IN ('true') | F
            # LIKE: _ is one character, % any sequence, everything else itself, case-sensitive
            s LIKE 'hello' | T
            s LIKE 'h%' | T
            s LIKE '%o' | T
            s LIKE '%ell%' | T
            s LIKE 'h_llo' | T
            s LIKE 'h_lo' | F
            s LIKE '_____' | T
            s LIKE '______' | F
            s LIKE '%' | T
            s LIKE '%%' | T
            e LIKE '%' | T
            e LIKE '_' | F
            e LIKE '' | T
            s LIKE '' | F
            s LIKE 'H%' | F
            s LIKE 'hell' | F
            s LIKE 'h%l%o' | T
            s LIKE 'h%%o' | T
            s LIKE '%l' | F
            s LIKE 'hello%' | T
            s LIKE '%hello%' | T
            s LIKE '%l_o' | T
            s LIKE '%l__o' | F
            s NOT LIKE 'h%' | F
            s NOT LIKE 'x%' | T
            s like 'h%' | T
            # the spec's examples
            p1 LIKE '12%3' | T
            p2 LIKE '12%3' | T
            p3 LIKE '12%3' | F
            lose LIKE 'l_se' | T
            loose LIKE 'l_se' | F
            us LIKE '\\_%' ESCAPE '\\' | T
            bar LIKE '\\_%' ESCAPE '\\' | F
            us NOT LIKE '\\_%' ESCAPE '\\' | F
            bar NOT LIKE '\\_%' ESCAPE '\\' | T
            # escapes
            quote LIKE '''In G_d We Trust''' | T
            quote LIKE '''In Gd_ We Trust''' | F
            quote = '''In God We Trust''' | T
            under LIKE '_D7xlJIQn$_' ESCAPE '$' | T
            under LIKE '_D7xlJIQn\\_' ESCAPE '\\' | T
            pct LIKE '100!%' ESCAPE '!' | T
            pct LIKE '%!%' ESCAPE '!' | T
            s LIKE '%!%' ESCAPE '!' | F
            pct LIKE '1!%' ESCAPE '!' | F
            pct LIKE '100%%' ESCAPE '%' | T
            us LIKE '__foo' ESCAPE '_' | T
            s LIKE '__ello' ESCAPE '_' | F
            bs LIKE 'a\\\\b' ESCAPE '\\' | T
            bs LIKE 'a!!b' ESCAPE '!' | F
            us LIKE '#_f%' escape '#' | T
            # characters special in regular expressions are literal
            p LIKE 'a.b*c(d)$e' | T
            p LIKE 'a_b_c_d_$e' | T
            p LIKE 'a.b%' | T
            p LIKE '%(d)$e' | T
            p LIKE '%$' | F
            ax LIKE 'a.b' | F
            ax LIKE 'a_b' | T
            ax LIKE 'a*' | F
            ax LIKE 'a.*' | F
            br LIKE '[ab]' | T
            s LIKE '[h]ello' | F
            s LIKE '^hello' | F
            s LIKE 'hello$' | F
            s LIKE 'hel+o' | F
            s LIKE 'hel?lo' | F
            s LIKE '(hello)' | F
            s LIKE 'hel{2}o' | F
            bs LIKE 'a\\b' | T
            s LIKE '\\Qhello\\E' | F
            # _ and % match any character, line breaks and characters outside the BMP included
            nl LIKE 'line1_line2' | T
            nl LIKE 'line1%' | T
            nl LIKE '%line2' | T
            emoji LIKE '_x' | T
            emoji LIKE '__x' | F
            # LIKE on NULL is UNKNOWN; on a non-string FALSE either way
            n LIKE 'x' | U
            n NOT LIKE 'x' | U
            missing LIKE '%' | U
            i LIKE '5' | F
            i NOT LIKE '5' | F
            b LIKE '%' | F
            # IS [NOT] NULL is never UNKNOWN
            n IS NULL | T
            missing IS NULL | T
            missing is null | T
            s IS NULL | F
            e IS NULL | F
            z IS NULL | F
            f IS NULL | F
            obj IS NULL | F
            n IS NOT NULL | F
            missing IS NOT NULL | F
            s IS NOT NULL | T
            f IS NOT NULL | T
            obj IS NOT NULL | T
            NOT n IS NULL | F
            n IS NULL AND missing IS NULL | T
            """)
    void evaluates(String selector, String expected) {
        assertThat(truth(selector, ATTRIBUTES)).isEqualTo(expected);
    }
}

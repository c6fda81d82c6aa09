package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.execution.testing.ExpressionTester.assertFails;
import static dev.basalt.execution.testing.ExpressionTester.call;
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.constant;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static dev.basalt.execution.testing.ExpressionTester.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NewFunctionTest
{
    private static final DataType V = DataTypes.VARCHAR;
    private static final DataType B = DataTypes.BIGINT;
    private static final DataType D = DataTypes.DOUBLE;

    private static RowExpression v(String value)
    {
        return constant(value, V);
    }

    private static RowExpression n(long value)
    {
        return constant(value, B);
    }

    private static Object one(RowExpression expression)
    {
        return evaluate(expression);
    }

    @Test
    void strposReplaceAffixes()
    {
        List<Object[]> rows = single("héllo wörld", "abc", "", null);
        assertEquals(Arrays.asList(7L, 0L, 0L, null), evaluate(call(Function.STRPOS, B, column(0, V), v("wö")), List.of(V), rows));
        assertEquals(1L, one(call(Function.STRPOS, B, v("abc"), v(""))));
        assertEquals(Arrays.asList("héLLo wörLd", "abc", "", null), evaluate(call(Function.REPLACE, V, column(0, V), v("l"), v("L")), List.of(V), rows));
        assertEquals("abc", one(call(Function.REPLACE, V, v("abc"), v(""), v("x"))));
        assertEquals(Arrays.asList(true, false, false, null), evaluate(call(Function.STARTS_WITH, DataTypes.BOOLEAN, column(0, V), v("hé")), List.of(V), rows));
        assertEquals(Arrays.asList(true, false, false, null), evaluate(call(Function.ENDS_WITH, DataTypes.BOOLEAN, column(0, V), v("rld")), List.of(V), rows));
        assertEquals(true, one(call(Function.STARTS_WITH, DataTypes.BOOLEAN, v("abc"), v(""))));
        assertEquals(null, one(call(Function.REPLACE, V, v("abc"), constant(null, V), v("x"))));
    }

    @Test
    void paddingAndSlicing()
    {
        assertEquals("xyxhi", one(call(Function.LPAD, V, v("hi"), n(5), v("xy"))));
        assertEquals("hixyx", one(call(Function.RPAD, V, v("hi"), n(5), v("xy"))));
        assertEquals("   hi", one(call(Function.LPAD, V, v("hi"), n(5))));
        assertEquals("hé", one(call(Function.LPAD, V, v("héllo"), n(2))));
        assertEquals("", one(call(Function.RPAD, V, v("hi"), n(-1))));
        assertEquals("ab", one(call(Function.LEFT, V, v("abc"), n(2))));
        assertEquals("a", one(call(Function.LEFT, V, v("abc"), n(-2))));
        assertEquals("ëc", one(call(Function.RIGHT, V, v("aëc"), n(2))));
        assertEquals("c", one(call(Function.RIGHT, V, v("abc"), n(-2))));
        assertEquals("abc", one(call(Function.RIGHT, V, v("abc"), n(10))));
        assertEquals("ölleh", one(call(Function.REVERSE, V, v("hellö"))));
        assertEquals("ababab", one(call(Function.REPEAT, V, v("ab"), n(3))));
        assertEquals("", one(call(Function.REPEAT, V, v("ab"), n(-3))));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> one(call(Function.REPEAT, V, v("ab"), n(1L << 40))));
        assertEquals(Arrays.asList("b", "", null), evaluate(call(Function.SPLIT_PART, V, column(0, V), v(","), n(2)), List.of(V), single("a,b,c", "abc", null)));
        assertEquals("c", one(call(Function.SPLIT_PART, V, v("a,b,c"), v(","), n(-1))));
        assertEquals("", one(call(Function.SPLIT_PART, V, v("a,b,c"), v(","), n(4))));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> one(call(Function.SPLIT_PART, V, v("a,b,c"), v(","), n(0))));
        assertEquals(Arrays.asList("ab", null), evaluate(call(Function.LEFT, V, column(0, V), column(1, DataTypes.INTEGER)), List.of(V, DataTypes.INTEGER),
                List.of(new Object[] {"abc", 2}, new Object[] {"abc", null})));
    }

    @Test
    void regularExpressions()
    {
        List<Object[]> rows = single("abc123", "ABC", "", null);
        assertEquals(Arrays.asList(true, false, false, null), evaluate(call(Function.REGEXP_MATCHES, DataTypes.BOOLEAN, column(0, V), v("[0-9]+")), List.of(V), rows));
        assertEquals(Arrays.asList(true, true, false, null), evaluate(call(Function.REGEXP_MATCHES, DataTypes.BOOLEAN, column(0, V), v("^abc"), v("i")), List.of(V), rows));
        assertEquals(Arrays.asList("abcX", "ABC", "", null), evaluate(call(Function.REGEXP_REPLACE, V, column(0, V), v("[0-9]+"), v("X")), List.of(V), rows));
        assertEquals("aXbX", one(call(Function.REGEXP_REPLACE, V, v("a1b2"), v("[0-9]"), v("X"), v("g"))));
        assertEquals("aXb2", one(call(Function.REGEXP_REPLACE, V, v("a1b2"), v("[0-9]"), v("X"))));
        assertEquals("b-a $1", one(call(Function.REGEXP_REPLACE, V, v("a-b"), v("(\\w)-(\\w)"), v("\\2-\\1 $1"))));
        // a pattern per row
        assertEquals(Arrays.asList(true, false), evaluate(call(Function.REGEXP_MATCHES, DataTypes.BOOLEAN, column(0, V), column(1, V)), List.of(V, V),
                List.of(new Object[] {"abc", "b"}, new Object[] {"abc", "^b"})));
        assertFails(ErrorCode.INVALID_REGULAR_EXPRESSION, () -> evaluate(call(Function.REGEXP_MATCHES, DataTypes.BOOLEAN, column(0, V), v("(")), List.of(V), single("a")));
        assertFails(ErrorCode.INVALID_REGULAR_EXPRESSION, () -> evaluate(call(Function.REGEXP_MATCHES, DataTypes.BOOLEAN, column(0, V), column(1, V)), List.of(V, V),
                List.<Object[]>of(new Object[] {"a", "[a"})));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> evaluate(call(Function.REGEXP_MATCHES, DataTypes.BOOLEAN, column(0, V), v("a"), v("q")), List.of(V), single("a")));
    }

    @Test
    void math()
    {
        assertEquals(8.0, one(call(Function.POWER, D, constant(2.0, D), constant(3.0, D))));
        assertEquals(Arrays.asList(3.0, 0.0, null), evaluate(call(Function.SQRT, D, column(0, D)), List.of(D), single(9.0, 0.0, null)));
        assertEquals(1.0, (Double) one(call(Function.LN, D, constant(Math.E, D))), 1e-15);
        assertEquals(3.0, one(call(Function.LOG10, D, constant(1000.0, D))));
        assertEquals(1.0, one(call(Function.EXP, D, constant(0.0, D))));
        assertFails(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, () -> evaluate(call(Function.SQRT, D, column(0, D)), List.of(D), single(-1.0)));
        assertFails(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, () -> evaluate(call(Function.LN, D, column(0, D)), List.of(D), single(0.0)));
        assertFails(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, () -> evaluate(call(Function.LOG10, D, column(0, D)), List.of(D), single(-5.0)));
        assertFails(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, () -> evaluate(call(Function.POWER, D, column(0, D), constant(-1.0, D)), List.of(D), single(0.0)));
        assertFails(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, () -> evaluate(call(Function.POWER, D, column(0, D), constant(0.5, D)), List.of(D), single(-4.0)));
        assertEquals(Arrays.asList(-1, 0, 1, null), evaluate(call(Function.SIGN, DataTypes.INTEGER, column(0, DataTypes.INTEGER)), List.of(DataTypes.INTEGER), single(-7, 0, 3, null)));
        assertEquals(Arrays.asList(-1.0, 1.0), evaluate(call(Function.SIGN, D, column(0, D)), List.of(D), single(-0.5, 1e300)));
        DataType decimal = DataTypes.parse("DECIMAL(10,2)");
        assertEquals(Arrays.asList(new BigDecimal("-1.00"), new BigDecimal("0.00")), evaluate(call(Function.SIGN, decimal, column(0, decimal)), List.of(decimal),
                single(new BigDecimal("-3.50"), new BigDecimal("0.00"))));
        DataType wide = DataTypes.parse("DECIMAL(30,3)");
        assertEquals(Arrays.asList(new BigDecimal("1.000"), new BigDecimal("-1.000")), evaluate(call(Function.SIGN, wide, column(0, wide)), List.of(wide),
                single(new BigDecimal("12345678901234567890.125"), new BigDecimal("-0.001"))));
    }

    @Test
    void greatestAndLeastIgnoreNulls()
    {
        List<Object[]> rows = List.of(new Object[] {1L, 5L}, new Object[] {null, 5L}, new Object[] {7L, null}, new Object[] {null, null});
        assertEquals(Arrays.asList(5L, 5L, 7L, null), evaluate(call(Function.GREATEST, B, column(0, B), column(1, B)), List.of(B, B), rows));
        assertEquals(Arrays.asList(1L, 5L, 7L, null), evaluate(call(Function.LEAST, B, column(0, B), column(1, B)), List.of(B, B), rows));
        assertEquals(Arrays.asList(5L, 5L, 7L, 3L), evaluate(call(Function.GREATEST, B, column(0, B), column(1, B), n(3), constant(null, B)), List.of(B, B), rows));
        assertEquals(null, one(call(Function.LEAST, B, constant(null, B), constant(null, B))));
        assertEquals(Arrays.asList("b", "ab"), evaluate(call(Function.GREATEST, V, column(0, V), column(1, V)), List.of(V, V),
                List.of(new Object[] {"abc", "b"}, new Object[] {"ab", null})));
        assertEquals(Double.NaN, one(call(Function.GREATEST, D, constant(1.0, D), constant(Double.NaN, D))));
    }

    @Test
    void dateTruncAndTimestampDiff()
    {
        DataType ts = DataTypes.TIMESTAMP;
        DataType date = DataTypes.DATE;
        LocalDateTime t = LocalDateTime.of(2024, 8, 17, 13, 45, 30, 123_000_000);
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), one(call(Function.DATE_TRUNC, ts, v("year"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2024, 7, 1, 0, 0), one(call(Function.DATE_TRUNC, ts, v("quarter"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2024, 8, 1, 0, 0), one(call(Function.DATE_TRUNC, ts, v("month"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2024, 8, 12, 0, 0), one(call(Function.DATE_TRUNC, ts, v("week"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2024, 8, 17, 13, 0), one(call(Function.DATE_TRUNC, ts, v("hour"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2024, 8, 17, 13, 45, 30), one(call(Function.DATE_TRUNC, ts, v("second"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), one(call(Function.DATE_TRUNC, ts, v("decade"), constant(t, ts))));
        assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0), one(call(Function.DATE_TRUNC, ts, v("century"), constant(t, ts))));
        assertEquals(Arrays.asList(LocalDate.of(1969, 12, 1), null), evaluate(call(Function.DATE_TRUNC, date, v("month"), column(0, date)), List.of(date),
                single(LocalDate.of(1969, 12, 31), null)));
        assertEquals(LocalDateTime.of(1969, 12, 31, 23, 0), one(call(Function.DATE_TRUNC, ts, v("hour"), constant(LocalDateTime.of(1969, 12, 31, 23, 59), ts))));
        assertEquals(LocalDateTime.of(1969, 12, 29, 0, 0), one(call(Function.DATE_TRUNC, ts, v("week"), constant(LocalDate.of(1970, 1, 1), date))));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> one(call(Function.DATE_TRUNC, ts, v("fortnight"), constant(t, ts))));
        DataType interval = DataTypes.INTERVAL;
        assertEquals(new Interval(0, 1, 3_600_000_000L), one(call(Function.TIMESTAMP_DIFF, interval,
                constant(LocalDateTime.of(2024, 1, 2, 1, 0), ts), constant(LocalDateTime.of(2024, 1, 1, 0, 0), ts))));
        assertEquals(new Interval(0, -1, -3_600_000_000L), one(call(Function.TIMESTAMP_DIFF, interval,
                constant(LocalDateTime.of(2024, 1, 1, 0, 0), ts), constant(LocalDateTime.of(2024, 1, 2, 1, 0), ts))));
        assertEquals(Arrays.asList((Object) null), evaluate(call(Function.TIMESTAMP_DIFF, interval, column(0, ts), constant(t, ts)), List.of(ts), single((Object) null)));
    }
}

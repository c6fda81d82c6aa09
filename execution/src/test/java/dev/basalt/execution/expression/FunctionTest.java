package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.basalt.execution.testing.ExpressionTester.assertFails;
import static dev.basalt.execution.testing.ExpressionTester.call;
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.constant;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static dev.basalt.execution.testing.ExpressionTester.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FunctionTest
{
    private static final DataType V = DataTypes.VARCHAR;

    @Test
    void stringFunctionsUseCharacters()
    {
        List<Object[]> rows = single("héllo wörld", "abc", "", null);
        assertEquals(Arrays.asList(11L, 3L, 0L, null), evaluate(call(Function.LENGTH, DataTypes.BIGINT, column(0, V)), List.of(V), rows));
        assertEquals(Arrays.asList("HÉLLO WÖRLD", "ABC", "", null), evaluate(call(Function.UPPER, V, column(0, V)), List.of(V), rows));
        assertEquals(Arrays.asList("abc", null), evaluate(call(Function.LOWER, V, column(0, V)), List.of(V), single("AbC", null)));
        assertEquals(Arrays.asList("éllo", "bc", "", null), evaluate(call(Function.SUBSTRING, V, column(0, V), constant(2L, DataTypes.BIGINT), constant(4L, DataTypes.BIGINT)), List.of(V), rows));
        assertEquals(Arrays.asList("llo wörld", "c", "", null), evaluate(call(Function.SUBSTRING, V, column(0, V), constant(3L, DataTypes.BIGINT)), List.of(V), rows));
        assertEquals(Arrays.asList("h", "a", "", null), evaluate(call(Function.SUBSTRING, V, column(0, V), constant(0L, DataTypes.BIGINT), constant(2L, DataTypes.BIGINT)), List.of(V), rows));
        assertEquals(Arrays.asList("", "", "", null), evaluate(call(Function.SUBSTRING, V, column(0, V), constant(-5L, DataTypes.BIGINT), constant(2L, DataTypes.BIGINT)), List.of(V), rows));
        // c_phone-style two-character prefix (TPC-H Q22)
        assertEquals("13", evaluate(call(Function.SUBSTRING, V, column(0, V), constant(1, DataTypes.INTEGER), constant(2, DataTypes.INTEGER)), List.of(V), "13-761-547-5974"));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> evaluate(call(Function.SUBSTRING, V, column(0, V), constant(1L, DataTypes.BIGINT), constant(-1L, DataTypes.BIGINT)),
                List.of(V), "abc"));
        assertEquals(Arrays.asList("ab", null, "ab"), evaluate(call(Function.CONCAT, V, column(0, V), column(1, V)), List.of(V, V),
                List.of(new Object[] {"a", "b"}, new Object[] {"a", null}, new Object[] {"", "ab"})));
        assertEquals("x-y", evaluate(call(Function.CONCAT, V, column(0, V), constant("-", V), column(1, V)), List.of(V, V), "x", "y"));
        assertEquals(Arrays.asList("ab", "a b"), evaluate(call(Function.TRIM, V, column(0, V)), List.of(V), single("  ab  ", " a b ")));
        assertEquals("ab  ", evaluate(call(Function.LTRIM, V, column(0, V)), List.of(V), "  ab  "));
        assertEquals("  ab", evaluate(call(Function.RTRIM, V, column(0, V)), List.of(V), "  ab  "));
        assertEquals("ab", evaluate(call(Function.TRIM, V, column(0, V), constant("xé", V)), List.of(V), "xéxabéx"));
    }

    @Test
    void rounding()
    {
        DataType d = DataTypes.DOUBLE;
        assertEquals(Arrays.asList(3.0, -3.0, 2.0, null), evaluate(call(Function.ROUND, d, column(0, d)), List.of(d), single(2.5, -2.5, 2.4, null)));
        assertEquals(Arrays.asList(2.35, 1.0), evaluate(call(Function.ROUND, d, column(0, d), constant(2, DataTypes.INTEGER)), List.of(d), single(2.345, 0.999)));
        assertEquals(Arrays.asList(2.0, -3.0), evaluate(call(Function.FLOOR, d, column(0, d)), List.of(d), single(2.7, -2.1)));
        assertEquals(Arrays.asList(3.0, -2.0), evaluate(call(Function.CEIL, d, column(0, d)), List.of(d), single(2.1, -2.7)));
        DecimalType t = DecimalType.of(10, 3);
        assertEquals(Arrays.asList(new BigDecimal("2.35"), new BigDecimal("-2.35"), new BigDecimal("2.34")),
                evaluate(call(Function.ROUND, DecimalType.of(10, 2), column(0, t), constant(2, DataTypes.INTEGER)), List.of(t),
                        single(new BigDecimal("2.345"), new BigDecimal("-2.345"), new BigDecimal("2.344"))));
        assertEquals(Arrays.asList(new BigDecimal("2"), new BigDecimal("-3")), evaluate(call(Function.FLOOR, DecimalType.of(10, 0), column(0, t)), List.of(t),
                single(new BigDecimal("2.999"), new BigDecimal("-2.001"))));
        assertEquals(Arrays.asList(new BigDecimal("3"), new BigDecimal("-2")), evaluate(call(Function.CEIL, DecimalType.of(10, 0), column(0, t)), List.of(t),
                single(new BigDecimal("2.001"), new BigDecimal("-2.999"))));
        assertEquals(new BigDecimal("1200.000"), evaluate(call(Function.ROUND, t, column(0, t), constant(-2, DataTypes.INTEGER)), List.of(t), new BigDecimal("1249.000")));
        assertEquals(new BigDecimal("1300.000"), evaluate(call(Function.ROUND, t, column(0, t), constant(-2, DataTypes.INTEGER)), List.of(t), new BigDecimal("1250.000")));
    }

    @Test
    void dateParts()
    {
        DataType date = DataTypes.DATE;
        List<Object[]> rows = single(LocalDate.of(1998, 12, 1), LocalDate.of(1992, 2, 29), LocalDate.of(1969, 12, 31), null);
        String[] fields = {"year", "month", "day", "quarter", "dow", "isodow", "doy", "week"};
        for (String field : fields) {
            List<Object> expected = new ArrayList<>();
            for (Object[] row : rows) {
                LocalDate value = (LocalDate) row[0];
                expected.add(value == null ? null : (Object) (long) switch (field) {
                    case "year" -> value.getYear();
                    case "month" -> value.getMonthValue();
                    case "day" -> value.getDayOfMonth();
                    case "quarter" -> (value.getMonthValue() - 1) / 3 + 1;
                    case "dow" -> value.getDayOfWeek().getValue() % 7;
                    case "isodow" -> value.getDayOfWeek().getValue();
                    case "doy" -> value.getDayOfYear();
                    case "week" -> value.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    default -> throw new IllegalStateException();
                });
            }
            assertEquals(expected, evaluate(call(Function.DATE_PART, DataTypes.BIGINT, constant(field, V), column(0, date)), List.of(date), rows), field);
        }
        DataType ts = DataTypes.TIMESTAMP;
        LocalDateTime time = LocalDateTime.of(2001, 2, 16, 20, 38, 40, 500_000_000);
        assertEquals(20L, evaluate(call(Function.DATE_PART, DataTypes.BIGINT, constant("hour", V), column(0, ts)), List.of(ts), time));
        assertEquals(38L, evaluate(call(Function.DATE_PART, DataTypes.BIGINT, constant("minute", V), column(0, ts)), List.of(ts), time));
        assertEquals(40.5, evaluate(call(Function.DATE_PART, DataTypes.DOUBLE, constant("second", V), column(0, ts)), List.of(ts), time));
        assertEquals(982355920.5, evaluate(call(Function.DATE_PART, DataTypes.DOUBLE, constant("epoch", V), column(0, ts)), List.of(ts), time));
        assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> evaluate(call(Function.DATE_PART, DataTypes.BIGINT, constant("fortnight", V), column(0, date)), List.of(date), LocalDate.of(2000, 1, 1)));
    }

    @Test
    void dateArithmeticClampsMonths()
    {
        DataType date = DataTypes.DATE;
        DataType interval = DataTypes.INTERVAL;
        List<Object[]> rows = single(LocalDate.of(2000, 1, 31), LocalDate.of(2001, 1, 31), LocalDate.of(1998, 12, 1), null);
        assertEquals(Arrays.asList(LocalDate.of(2000, 2, 29), LocalDate.of(2001, 2, 28), LocalDate.of(1999, 1, 1), null),
                evaluate(call(Function.DATE_ADD, date, column(0, date), constant(Interval.ofMonths(1), interval)), List.of(date), rows));
        assertEquals(Arrays.asList(LocalDate.of(1999, 11, 2), LocalDate.of(2000, 11, 2), LocalDate.of(1998, 9, 2), null),
                evaluate(call(Function.DATE_SUBTRACT, date, column(0, date), constant(Interval.ofDays(90), interval)), List.of(date), rows));
        assertEquals(LocalDate.of(1995, 1, 1), evaluate(call(Function.DATE_ADD, date, column(0, date), constant(new Interval(12, 0, 0), interval)), List.of(date), LocalDate.of(1994, 1, 1)));
        DataType ts = DataTypes.TIMESTAMP;
        assertEquals(LocalDateTime.of(2000, 3, 1, 12, 0), evaluate(call(Function.DATE_ADD, ts, column(0, date), constant(new Interval(0, 1, 12 * 3_600_000_000L), interval)),
                List.of(date), LocalDate.of(2000, 2, 29)));
        assertEquals(LocalDateTime.of(2000, 2, 29, 10, 0), evaluate(call(Function.DATE_ADD, ts, column(0, ts), column(1, interval)), List.of(ts, interval),
                LocalDateTime.of(2000, 1, 31, 10, 0), Interval.ofMonths(1)));
        assertEquals(Arrays.asList(365L, -1L, null), evaluate(call(Function.DATE_DIFF, DataTypes.BIGINT, column(0, date), column(1, date)), List.of(date, date),
                List.of(new Object[] {LocalDate.of(1995, 1, 1), LocalDate.of(1994, 1, 1)}, new Object[] {LocalDate.of(1994, 1, 1), LocalDate.of(1994, 1, 2)}, new Object[] {null, LocalDate.of(1994, 1, 1)})));
    }
}

package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Cast;
import dev.basalt.spi.error.BasaltException;
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
import static dev.basalt.execution.testing.ExpressionTester.column;
import static dev.basalt.execution.testing.ExpressionTester.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CastTest
{
    private static Object cast(Object value, DataType from, DataType to)
    {
        return evaluate(new Cast(column(0, from), to), List.of(from), value);
    }

    private static Object tryCast(Object value, DataType from, DataType to)
    {
        return evaluate(new Cast(column(0, from), to, true), List.of(from), value);
    }

    @Test
    void numericConversions()
    {
        assertEquals(5L, cast(5, DataTypes.INTEGER, DataTypes.BIGINT));
        assertEquals((short) 5, cast(5L, DataTypes.BIGINT, DataTypes.SMALLINT));
        assertEquals(5.0, cast(5, DataTypes.INTEGER, DataTypes.DOUBLE));
        assertEquals(2, cast(2.5, DataTypes.DOUBLE, DataTypes.INTEGER));
        assertEquals(4, cast(3.5, DataTypes.DOUBLE, DataTypes.INTEGER));
        assertEquals(3, cast(new BigDecimal("2.50"), DecimalType.of(5, 2), DataTypes.INTEGER));
        assertEquals(-3L, cast(new BigDecimal("-2.50"), DecimalType.of(5, 2), DataTypes.BIGINT));
        assertEquals(new BigDecimal("24.00"), cast(24, DataTypes.INTEGER, DecimalType.of(15, 2)));
        assertEquals(new BigDecimal("0.07"), cast(new BigDecimal("0.065"), DecimalType.of(4, 3), DecimalType.of(15, 2)));
        assertEquals(new BigDecimal("1.2345678901234567890"), cast(new BigDecimal("1.2345678901234567890"), DecimalType.of(20, 19), DecimalType.of(30, 19)));
        assertEquals(new BigDecimal("1.235"), cast(new BigDecimal("1.2345678901234567890"), DecimalType.of(20, 19), DecimalType.of(10, 3)));
        assertEquals(0.1, cast(new BigDecimal("0.10"), DecimalType.of(15, 2), DataTypes.DOUBLE));
        assertEquals(new BigDecimal("0.10"), cast(0.1, DataTypes.DOUBLE, DecimalType.of(15, 2)));
        assertEquals(1.5f, cast(1.5, DataTypes.DOUBLE, DataTypes.REAL));
        assertEquals(true, cast(2, DataTypes.INTEGER, DataTypes.BOOLEAN));
        assertEquals(1, cast(true, DataTypes.BOOLEAN, DataTypes.INTEGER));
        assertEquals(Arrays.asList(1L, null, 3L), evaluate(new Cast(column(0, DataTypes.INTEGER), DataTypes.BIGINT), List.of(DataTypes.INTEGER),
                List.of(new Object[] {1}, new Object[] {null}, new Object[] {3})));
    }

    @Test
    void narrowingOverflowRaises22003AndTryCastYieldsNull()
    {
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> cast(70000, DataTypes.INTEGER, DataTypes.SMALLINT));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> cast(1e20, DataTypes.DOUBLE, DataTypes.BIGINT));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> cast(Double.NaN, DataTypes.DOUBLE, DataTypes.INTEGER));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> cast(new BigDecimal("123.45"), DecimalType.of(5, 2), DecimalType.of(4, 2)));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> cast(100000L, DataTypes.BIGINT, DecimalType.of(5, 1)));
        assertEquals(null, tryCast(70000, DataTypes.INTEGER, DataTypes.SMALLINT));
        assertEquals(null, tryCast(new BigDecimal("123.45"), DecimalType.of(5, 2), DecimalType.of(4, 2)));
        assertEquals(Arrays.asList((short) 1, null, (short) 3), evaluate(new Cast(column(0, DataTypes.BIGINT), DataTypes.SMALLINT, true), List.of(DataTypes.BIGINT),
                List.of(new Object[] {1L}, new Object[] {1L << 40}, new Object[] {3L})));
    }

    @Test
    void textToValues()
    {
        DataType v = DataTypes.VARCHAR;
        assertEquals(42, cast(" 42 ", v, DataTypes.INTEGER));
        assertEquals(-7L, cast("-7", v, DataTypes.BIGINT));
        assertEquals(1.5e3, cast("1.5e3", v, DataTypes.DOUBLE));
        assertEquals(new BigDecimal("3.14"), cast("3.14159", v, DecimalType.of(5, 2)));
        assertEquals(true, cast("yes", v, DataTypes.BOOLEAN));
        assertEquals(false, cast("F", v, DataTypes.BOOLEAN));
        assertEquals(LocalDate.of(1998, 12, 1), cast("1998-12-01", v, DataTypes.DATE));
        assertEquals(LocalDateTime.of(1998, 12, 1, 10, 30, 5, 250_000_000), cast("1998-12-01 10:30:05.25", v, DataTypes.TIMESTAMP));
        assertEquals(LocalDateTime.of(1998, 12, 1, 0, 0), cast("1998-12-01", v, DataTypes.TIMESTAMP));
        assertEquals(new Interval(14, 3, 7_200_000_000L), cast("1 year 2 months 3 days 02:00:00", v, DataTypes.INTERVAL));
        BasaltException e = assertFails(ErrorCode.INVALID_TEXT_REPRESENTATION, () -> cast("abc", v, DataTypes.INTEGER));
        assertTrue(e.getMessage().contains("\"abc\""), e.getMessage());
        assertFails(ErrorCode.INVALID_TEXT_REPRESENTATION, () -> cast("1.5", v, DataTypes.INTEGER));
        assertFails(ErrorCode.INVALID_TEXT_REPRESENTATION, () -> cast("0x10", v, DataTypes.DOUBLE));
        assertFails(ErrorCode.INVALID_TEXT_REPRESENTATION, () -> cast("maybe", v, DataTypes.BOOLEAN));
        assertFails(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, () -> cast("99999999999", v, DataTypes.INTEGER));
        BasaltException date = assertFails(ErrorCode.INVALID_DATETIME_FORMAT, () -> cast("12/01/1998", v, DataTypes.DATE));
        assertTrue(date.getMessage().contains("12/01/1998"), date.getMessage());
        assertFails(ErrorCode.DATETIME_FIELD_OVERFLOW, () -> cast("1998-02-30", v, DataTypes.DATE));
        assertFails(ErrorCode.INVALID_DATETIME_FORMAT, () -> cast("1998-12-01 25", v, DataTypes.TIMESTAMP));
        assertEquals(null, tryCast("abc", v, DataTypes.INTEGER));
        assertEquals(null, tryCast("nope", v, DataTypes.DATE));
    }

    @Test
    void valuesToText()
    {
        DataType v = DataTypes.VARCHAR;
        assertEquals("42", cast(42, DataTypes.INTEGER, v));
        assertEquals("1.0", cast(1.0, DataTypes.DOUBLE, v));
        assertEquals("0.1", cast(0.1, DataTypes.DOUBLE, v));
        assertEquals("1e+20", cast(1e20, DataTypes.DOUBLE, v));
        assertEquals("1e-05", cast(1e-5, DataTypes.DOUBLE, v));
        assertEquals("123456789.5", cast(123456789.5, DataTypes.DOUBLE, v));
        assertEquals("-0.50", cast(new BigDecimal("-0.50"), DecimalType.of(5, 2), v));
        assertEquals("12345678901234567890.123", cast(new BigDecimal("12345678901234567890.123"), DecimalType.of(30, 3), v));
        assertEquals("1998-12-01", cast(LocalDate.of(1998, 12, 1), DataTypes.DATE, v));
        assertEquals("1998-12-01 10:30:05.25", cast(LocalDateTime.of(1998, 12, 1, 10, 30, 5, 250_000_000), DataTypes.TIMESTAMP, v));
        assertEquals("true", cast(true, DataTypes.BOOLEAN, v));
        assertEquals("1 year 2 months", cast(new Interval(14, 0, 0), DataTypes.INTERVAL, v));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"x"});
        rows.add(new Object[] {null});
        assertEquals(Arrays.asList("x", null), evaluate(new Cast(column(0, v), DataTypes.VARCHAR), List.of(v), rows));
    }

    @Test
    void dateTimestampConversions()
    {
        assertEquals(LocalDateTime.of(1998, 12, 1, 0, 0), cast(LocalDate.of(1998, 12, 1), DataTypes.DATE, DataTypes.TIMESTAMP));
        assertEquals(LocalDate.of(1998, 12, 1), cast(LocalDateTime.of(1998, 12, 1, 23, 59), DataTypes.TIMESTAMP, DataTypes.DATE));
        assertEquals(LocalDate.of(1969, 12, 31), cast(LocalDateTime.of(1969, 12, 31, 23, 59), DataTypes.TIMESTAMP, DataTypes.DATE));
        assertFails(ErrorCode.DATATYPE_MISMATCH, () -> cast(LocalDate.of(1998, 12, 1), DataTypes.DATE, DataTypes.INTEGER));
    }
}

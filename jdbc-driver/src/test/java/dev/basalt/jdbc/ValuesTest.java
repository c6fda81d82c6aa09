package dev.basalt.jdbc;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Value formatting, getter conversions, parameter conversions, search patterns and error mapping. */
class ValuesTest
{
    @Test
    void formatting()
    {
        assertNull(ValueFormatter.format(null));
        assertEquals("1.50", ValueFormatter.format(new BigDecimal("1.50")));
        assertEquals("100000000000000000000", ValueFormatter.format(new BigDecimal("1E+20")));
        assertEquals("1.0", ValueFormatter.format(1.0));
        assertEquals("0.1", ValueFormatter.format(0.1));
        assertEquals("10000000.0", ValueFormatter.format(1e7));
        assertEquals("123456789012.5", ValueFormatter.format(123456789012.5));
        assertEquals("1.0E20", ValueFormatter.format(1e20));
        assertEquals("1.0E-5", ValueFormatter.format(0.00001));
        assertEquals("-2.5", ValueFormatter.format(-2.5f));
        assertEquals("NaN", ValueFormatter.format(Double.NaN));
        assertEquals("2024-01-02 03:04:05", ValueFormatter.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
        assertEquals("2024-01-02 03:04:05.000001", ValueFormatter.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1000)));
        assertEquals("1998-12-01", ValueFormatter.format(LocalDate.of(1998, 12, 1)));
        assertEquals("false", ValueFormatter.format(false));
        assertEquals("-3", ValueFormatter.format((short) -3));
    }

    @Test
    void getterConversions() throws SQLException
    {
        assertEquals(3L, ValueConversions.toLong(new BigDecimal("3.99")));
        assertEquals(-3L, ValueConversions.toLong(new BigDecimal("-3.99")));
        assertEquals(12L, ValueConversions.toLong(" 12 "));
        assertEquals(12L, ValueConversions.toLong("12.7"));
        assertEquals(1, ValueConversions.toInt(true));
        assertEquals("22003", assertThrows(SQLException.class, () -> ValueConversions.toLong(1e19)).getSQLState());
        assertEquals("22003", assertThrows(SQLException.class, () -> ValueConversions.toShort(40_000)).getSQLState());
        assertEquals("22003", assertThrows(SQLException.class, () -> ValueConversions.toByte(200)).getSQLState());
        assertEquals("22018", assertThrows(SQLException.class, () -> ValueConversions.toLong("abc")).getSQLState());
        assertTrue(ValueConversions.toBoolean("t"));
        assertFalse(ValueConversions.toBoolean(BigDecimal.ZERO));
        assertEquals("22018", assertThrows(SQLException.class, () -> ValueConversions.toBoolean("maybe")).getSQLState());
        assertEquals(new BigDecimal("0.1"), ValueConversions.toBigDecimal(0.1));
        assertEquals("22018", assertThrows(SQLException.class, () -> ValueConversions.toBigDecimal(Double.NaN)).getSQLState());
        assertEquals(LocalDate.of(2020, 2, 29), ValueConversions.toLocalDate("2020-02-29"));
        assertEquals(LocalDateTime.of(2020, 2, 29, 1, 2, 3), ValueConversions.toLocalDateTime("2020-02-29 01:02:03"));
        assertEquals("22018", assertThrows(SQLException.class, () -> ValueConversions.toLocalDate("yesterday")).getSQLState());
        assertEquals("22018", assertThrows(SQLException.class, () -> ValueConversions.toLocalDate(5)).getSQLState());
        assertEquals(3.5f, ValueConversions.toFloat("3.5"));
    }

    @Test
    void parameterConversions() throws SQLException
    {
        assertEquals((short) 5, ParameterValues.canonical((byte) 5));
        assertEquals(new BigDecimal("123"), ParameterValues.canonical(BigInteger.valueOf(123)));
        assertEquals(LocalDate.of(2021, 3, 4), ParameterValues.canonical(java.sql.Date.valueOf("2021-03-04")));
        assertEquals(LocalDateTime.of(2021, 3, 4, 5, 6, 7), ParameterValues.canonical(Timestamp.valueOf("2021-03-04 05:06:07")));
        assertEquals("x", ParameterValues.canonical('x'));
        assertThrows(SQLFeatureNotSupportedException.class, () -> ParameterValues.canonical(java.sql.Time.valueOf("10:00:00")));
        assertEquals("22023", assertThrows(SQLException.class, () -> ParameterValues.canonical(new Object())).getSQLState());

        assertEquals(42, ParameterValues.convert("42", Types.INTEGER));
        assertEquals(42L, ParameterValues.convert(42, Types.BIGINT));
        assertEquals((short) 42, ParameterValues.convert(42L, Types.SMALLINT));
        assertEquals(new BigDecimal("1.5"), ParameterValues.convert("1.5", Types.DECIMAL));
        assertEquals("1.5", ParameterValues.convert(new BigDecimal("1.5"), Types.VARCHAR));
        assertEquals(LocalDate.of(2021, 3, 4), ParameterValues.convert("2021-03-04", Types.DATE));
        assertEquals(true, ParameterValues.convert(1, Types.BOOLEAN));
        assertEquals(2.0, ParameterValues.convert(2, Types.DOUBLE));
        assertNull(ParameterValues.convert(null, Types.INTEGER));
        assertThrows(SQLFeatureNotSupportedException.class, () -> ParameterValues.convert(1, Types.ARRAY));
        // BLOB targets take bytes (and text as its UTF-8 bytes), not numbers
        assertArrayEquals(new byte[] {1, 2}, (byte[]) ParameterValues.convert(new byte[] {1, 2}, Types.VARBINARY));
        assertArrayEquals(new byte[] {'a'}, (byte[]) ParameterValues.convert("a", Types.BLOB));
        assertThrows(java.sql.SQLException.class, () -> ParameterValues.convert(1, Types.BLOB));

        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        assertEquals(LocalDateTime.of(1970, 1, 1, 0, 0, 1), ParameterValues.timestamp(new Timestamp(1000), utc));
        assertEquals(LocalDate.of(1970, 1, 2), ParameterValues.date(new java.sql.Date(86_400_000L + 5), utc));
    }

    @Test
    void searchPatterns()
    {
        assertTrue(LikePattern.compile(null).matches("anything"));
        assertTrue(LikePattern.compile("%").matches("lineitem"));
        assertTrue(LikePattern.compile("line%").matches("lineitem"));
        assertFalse(LikePattern.compile("line%").matches("orders"));
        assertTrue(LikePattern.compile("_rders").matches("orders"));
        assertFalse(LikePattern.compile("_rders").matches("xorders"));
        assertTrue(LikePattern.compile("my\\_table").matches("my_table"));
        assertFalse(LikePattern.compile("my\\_table").matches("myXtable"));
        assertTrue(LikePattern.compile("a.b*").matches("a.b*"), "regex characters are literal");
        assertFalse(LikePattern.compile("a.b").matches("axb"));
        assertFalse(LikePattern.compile("Orders").matches("orders"), "patterns are case-sensitive, like stored names");
    }

    @Test
    void errorMapping()
    {
        SQLException syntax = SqlExceptions.from(new BasaltException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"FORM\""));
        assertInstanceOf(SQLSyntaxErrorException.class, syntax);
        assertEquals("42601", syntax.getSQLState());
        assertEquals("syntax error at or near \"FORM\"", syntax.getMessage());
        assertEquals(Integer.parseInt("42601", 36), syntax.getErrorCode());

        SQLException table = SqlExceptions.from(new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"t\" does not exist"));
        assertInstanceOf(SQLSyntaxErrorException.class, table);
        assertEquals("42P01", table.getSQLState());

        SQLException division = SqlExceptions.from(new BasaltException(ErrorCode.DIVISION_BY_ZERO, "division by zero"));
        assertInstanceOf(SQLDataException.class, division);
        assertEquals("22012", division.getSQLState());

        assertInstanceOf(SQLFeatureNotSupportedException.class, SqlExceptions.from(new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "later")));

        SQLException npe = SqlExceptions.from(new NullPointerException("boom"));
        assertEquals("XX000", npe.getSQLState());
        assertInstanceOf(NullPointerException.class, npe.getCause().getCause(), "the original failure stays in the cause chain");
        SQLException memory = SqlExceptions.from(new OutOfMemoryError("Java heap space"));
        assertEquals("53200", memory.getSQLState());
        SQLException arithmetic = SqlExceptions.from(new ArithmeticException("long overflow"));
        assertEquals("22003", arithmetic.getSQLState());

        SQLException arrow = SqlExceptions.from(new UnsupportedOperationException("sun.misc.Unsafe or java.nio.DirectByteBuffer.<init>(long, int) not available"));
        assertEquals("08001", arrow.getSQLState());
        assertTrue(arrow.getMessage().contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), arrow.getMessage());

        SQLException alreadySql = new BatchUpdateException();
        assertEquals(alreadySql, SqlExceptions.from(alreadySql));
    }
}

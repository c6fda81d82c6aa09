package dev.basalt.jdbc;

import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Locale;

/**
 * Converts canonical engine values (see {@link dev.basalt.spi.value.Values}) to what a ResultSet getter asks
 * for. Lossy numeric conversions truncate toward zero like a SQL cast; values out of the target's range fail
 * with 22003 and impossible conversions with 22018.
 */
final class ValueConversions
{
    private ValueConversions() {}

    static boolean toBoolean(Object value) throws SQLException
    {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case BigDecimal d -> d.signum() != 0;
            case Double d -> d != 0;
            case Float f -> f != 0;
            case Number n -> n.longValue() != 0;
            case String s -> parseBoolean(s);
            default -> throw cannotConvert(value, "boolean");
        };
    }

    static long toLong(Object value) throws SQLException
    {
        return switch (value) {
            case null -> 0;
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Byte b -> b;
            case Boolean b -> b ? 1 : 0;
            case BigDecimal d -> decimalToLong(d);
            case BigInteger i -> decimalToLong(new BigDecimal(i));
            case Double d -> doubleToLong(d);
            case Float f -> doubleToLong(f);
            case String s -> parseLong(s);
            default -> throw cannotConvert(value, "long");
        };
    }

    static int toInt(Object value) throws SQLException
    {
        long result = toLong(value);
        if (result < Integer.MIN_VALUE || result > Integer.MAX_VALUE) {
            throw outOfRange(value, "int");
        }
        return (int) result;
    }

    static short toShort(Object value) throws SQLException
    {
        long result = toLong(value);
        if (result < Short.MIN_VALUE || result > Short.MAX_VALUE) {
            throw outOfRange(value, "short");
        }
        return (short) result;
    }

    static byte toByte(Object value) throws SQLException
    {
        long result = toLong(value);
        if (result < Byte.MIN_VALUE || result > Byte.MAX_VALUE) {
            throw outOfRange(value, "byte");
        }
        return (byte) result;
    }

    static double toDouble(Object value) throws SQLException
    {
        return switch (value) {
            case null -> 0;
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.doubleValue();
            case String s -> parseDouble(s);
            default -> throw cannotConvert(value, "double");
        };
    }

    static float toFloat(Object value) throws SQLException
    {
        return (float) toDouble(value);
    }

    static BigDecimal toBigDecimal(Object value) throws SQLException
    {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> finiteDecimal(d, value);
            case Float f -> finiteDecimal(f.doubleValue(), value);
            case Number n -> BigDecimal.valueOf(n.longValue());
            case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
            case String s -> parseDecimal(s);
            default -> throw cannotConvert(value, "BigDecimal");
        };
    }

    /** BLOB values as they are; text as its UTF-8 bytes. */
    static byte[] toBytes(Object value) throws SQLException
    {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes.clone();
            case String s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            default -> throw cannotConvert(value, "bytes");
        };
    }

    static LocalDate toLocalDate(Object value) throws SQLException
    {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case String s -> parse(s, "DATE", () -> LocalDate.parse(s.trim()));
            default -> throw cannotConvert(value, "date");
        };
    }

    static LocalDateTime toLocalDateTime(Object value) throws SQLException
    {
        return switch (value) {
            case null -> null;
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case String s -> parse(s, "TIMESTAMP", () -> LocalDateTime.parse(s.trim().replace(' ', 'T')));
            default -> throw cannotConvert(value, "timestamp");
        };
    }

    static LocalTime toLocalTime(Object value) throws SQLException
    {
        return switch (value) {
            case null -> null;
            case LocalDateTime t -> t.toLocalTime();
            case String s -> parse(s, "TIME", () -> LocalTime.parse(s.trim()));
            default -> throw cannotConvert(value, "time");
        };
    }

    static Date toSqlDate(Object value, Calendar calendar) throws SQLException
    {
        LocalDate date = toLocalDate(value);
        if (date == null) {
            return null;
        }
        if (calendar == null) {
            return Date.valueOf(date);
        }
        return new Date(date.atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    static Timestamp toSqlTimestamp(Object value, Calendar calendar) throws SQLException
    {
        LocalDateTime timestamp = toLocalDateTime(value);
        if (timestamp == null) {
            return null;
        }
        if (calendar == null) {
            return Timestamp.valueOf(timestamp);
        }
        return Timestamp.from(timestamp.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    }

    static Time toSqlTime(Object value, Calendar calendar) throws SQLException
    {
        LocalTime time = toLocalTime(value);
        if (time == null) {
            return null;
        }
        if (calendar == null) {
            return Time.valueOf(time);
        }
        return new Time(time.atDate(LocalDate.EPOCH).atZone(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    /** {@code ResultSet.getObject(column, type)}: the value as {@code type}, or null for NULL. */
    static <T> T toClass(Object value, Class<T> type) throws SQLException
    {
        if (type == null) {
            throw SqlExceptions.create("type is null", SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        if (value == null) {
            return null;
        }
        Object converted;
        if (type == String.class) {
            converted = ValueFormatter.format(value);
        }
        else if (type == byte[].class) {
            converted = toBytes(value);
        }
        else if (type == Integer.class || type == int.class) {
            converted = toInt(value);
        }
        else if (type == Long.class || type == long.class) {
            converted = toLong(value);
        }
        else if (type == Short.class || type == short.class) {
            converted = toShort(value);
        }
        else if (type == Byte.class || type == byte.class) {
            converted = toByte(value);
        }
        else if (type == Boolean.class || type == boolean.class) {
            converted = toBoolean(value);
        }
        else if (type == Double.class || type == double.class) {
            converted = toDouble(value);
        }
        else if (type == Float.class || type == float.class) {
            converted = toFloat(value);
        }
        else if (type == BigDecimal.class) {
            converted = toBigDecimal(value);
        }
        else if (type == BigInteger.class) {
            converted = toBigDecimal(value).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        }
        else if (type == LocalDate.class) {
            converted = toLocalDate(value);
        }
        else if (type == LocalDateTime.class) {
            converted = toLocalDateTime(value);
        }
        else if (type == LocalTime.class) {
            converted = toLocalTime(value);
        }
        else if (type == Date.class) {
            converted = toSqlDate(value, null);
        }
        else if (type == Timestamp.class || type == java.util.Date.class) {
            converted = toSqlTimestamp(value, null);
        }
        else if (type == Time.class) {
            converted = toSqlTime(value, null);
        }
        else if (type.isInstance(value)) {
            converted = value;
        }
        else {
            throw cannotConvert(value, type.getName());
        }
        if (type.isPrimitive()) {
            @SuppressWarnings("unchecked")
            T boxed = (T) converted;
            return boxed;
        }
        return type.cast(converted);
    }

    static String typeName(Object value)
    {
        return switch (value) {
            case Boolean b -> "BOOLEAN";
            case Short s -> "SMALLINT";
            case Integer i -> "INTEGER";
            case Long l -> "BIGINT";
            case Float f -> "REAL";
            case Double d -> "DOUBLE";
            case BigDecimal d -> "DECIMAL";
            case String s -> "VARCHAR";
            case byte[] b -> "BLOB";
            case LocalDate d -> "DATE";
            case LocalDateTime t -> "TIMESTAMP";
            case Interval i -> "INTERVAL";
            default -> value.getClass().getSimpleName();
        };
    }

    private interface Parser<T>
    {
        T parse();
    }

    private static <T> T parse(String text, String typeName, Parser<T> parser) throws SQLException
    {
        try {
            return parser.parse();
        }
        catch (DateTimeParseException e) {
            throw SqlExceptions.create("invalid " + typeName + " value: '" + text + "'", SqlExceptions.INVALID_CONVERSION, e);
        }
    }

    private static boolean parseBoolean(String text) throws SQLException
    {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> true;
            case "false", "f", "no", "n", "off", "0" -> false;
            default -> throw SqlExceptions.create("invalid boolean value: '" + text + "'", SqlExceptions.INVALID_CONVERSION);
        };
    }

    private static long parseLong(String text) throws SQLException
    {
        String trimmed = text.trim();
        try {
            return Long.parseLong(trimmed);
        }
        catch (NumberFormatException e) {
            return decimalToLong(parseDecimal(trimmed));
        }
    }

    private static double parseDouble(String text) throws SQLException
    {
        try {
            return Double.parseDouble(text.trim());
        }
        catch (NumberFormatException e) {
            throw SqlExceptions.create("invalid number: '" + text + "'", SqlExceptions.INVALID_CONVERSION, e);
        }
    }

    private static BigDecimal parseDecimal(String text) throws SQLException
    {
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException e) {
            throw SqlExceptions.create("invalid number: '" + text + "'", SqlExceptions.INVALID_CONVERSION, e);
        }
    }

    private static long decimalToLong(BigDecimal value) throws SQLException
    {
        try {
            return value.setScale(0, RoundingMode.DOWN).longValueExact();
        }
        catch (ArithmeticException e) {
            throw outOfRange(value, "long");
        }
    }

    private static long doubleToLong(double value) throws SQLException
    {
        // (double) Long.MAX_VALUE rounds up to 2^63, which does not fit
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            throw outOfRange(value, "long");
        }
        return (long) value;
    }

    private static BigDecimal finiteDecimal(double value, Object original) throws SQLException
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw cannotConvert(original, "BigDecimal");
        }
        return BigDecimal.valueOf(value);
    }

    private static SQLException outOfRange(Object value, String target)
    {
        return SqlExceptions.create("value " + ValueFormatter.format(value) + " is out of range for " + target, "22003");
    }

    static SQLException cannotConvert(Object value, String target)
    {
        return SqlExceptions.create("cannot convert a " + typeName(value) + " value to " + target, SqlExceptions.INVALID_CONVERSION);
    }
}

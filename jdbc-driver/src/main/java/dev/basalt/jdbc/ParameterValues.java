package dev.basalt.jdbc;

import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;

/** Turns PreparedStatement parameter values into the canonical objects the engine takes (see Values). */
final class ParameterValues
{
    private ParameterValues() {}

    static Object canonical(Object value) throws SQLException
    {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            case Byte b -> (short) b.byteValue();
            case Short s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Float f -> f;
            case Double d -> d;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case String s -> s;
            case Character c -> c.toString();
            case byte[] bytes -> bytes.clone();
            case LocalDate d -> d;
            case LocalDateTime t -> t;
            case java.sql.Timestamp t -> t.toLocalDateTime();
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Time t -> throw SqlExceptions.notSupported("TIME parameters (Basalt has no TIME type)");
            case java.util.Date d -> LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
            case Interval i -> i;
            default -> throw SqlExceptions.create("unsupported parameter type " + value.getClass().getName(), SqlExceptions.INVALID_PARAMETER_VALUE);
        };
    }

    /** {@code setObject(index, value, targetSqlType)}: the value converted to the given java.sql.Types type. */
    static Object convert(Object value, int targetSqlType) throws SQLException
    {
        Object canonical = canonical(value);
        if (canonical == null) {
            return null;
        }
        return switch (targetSqlType) {
            case Types.BOOLEAN, Types.BIT -> ValueConversions.toBoolean(canonical);
            case Types.TINYINT, Types.SMALLINT -> ValueConversions.toShort(canonical);
            case Types.INTEGER -> ValueConversions.toInt(canonical);
            case Types.BIGINT -> ValueConversions.toLong(canonical);
            case Types.REAL -> ValueConversions.toFloat(canonical);
            case Types.FLOAT, Types.DOUBLE -> ValueConversions.toDouble(canonical);
            case Types.DECIMAL, Types.NUMERIC -> ValueConversions.toBigDecimal(canonical);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB ->
                    ValueFormatter.format(canonical);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueConversions.toBytes(canonical);
            case Types.DATE -> ValueConversions.toLocalDate(canonical);
            case Types.TIMESTAMP -> ValueConversions.toLocalDateTime(canonical);
            case Types.NULL -> null;
            case Types.OTHER, Types.JAVA_OBJECT -> canonical;
            default -> throw SqlExceptions.notSupported("setObject with target type " + targetSqlType);
        };
    }

    static LocalDate date(java.sql.Date date, Calendar calendar)
    {
        if (date == null) {
            return null;
        }
        if (calendar == null) {
            return date.toLocalDate();
        }
        return java.time.Instant.ofEpochMilli(date.getTime()).atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
    }

    static LocalDateTime timestamp(java.sql.Timestamp timestamp, Calendar calendar)
    {
        if (timestamp == null) {
            return null;
        }
        if (calendar == null) {
            return timestamp.toLocalDateTime();
        }
        return LocalDateTime.ofInstant(timestamp.toInstant(), calendar.getTimeZone().toZoneId());
    }
}

package dev.basalt.jdbc;

import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

/** JDBC's view of Basalt types: precision, scale, display sizes and Java classes for the metadata APIs. */
final class JdbcTypes
{
    /** Reported as the length of an unbounded VARCHAR. */
    static final int UNBOUNDED_LENGTH = Integer.MAX_VALUE;

    private JdbcTypes() {}

    /** Decimal digits for numbers, characters for strings and date/times (the JDBC definition). */
    static int precision(DataType type)
    {
        return switch (type) {
            case BooleanType t -> 1;
            case SmallintType t -> 5;
            case IntegerType t -> 10;
            case BigintType t -> 19;
            case RealType t -> 7;
            case DoubleType t -> 15;
            case DecimalType t -> t.precision();
            case VarcharType t -> t.isBounded() ? t.length() : UNBOUNDED_LENGTH;
            case BlobType t -> UNBOUNDED_LENGTH;
            case DateType t -> 10;
            case TimestampType t -> 26;
            case IntervalType t -> 0;
            case NullType t -> 0;
        };
    }

    static int scale(DataType type)
    {
        return switch (type) {
            case DecimalType t -> t.scale();
            case TimestampType t -> 6;
            default -> 0;
        };
    }

    static int displaySize(DataType type)
    {
        return switch (type) {
            case BooleanType t -> 5;
            case SmallintType t -> 6;
            case IntegerType t -> 11;
            case BigintType t -> 20;
            case RealType t -> 15;
            case DoubleType t -> 24;
            case DecimalType t -> t.precision() + (t.scale() > 0 ? 2 : 1);
            case VarcharType t -> t.isBounded() ? t.length() : UNBOUNDED_LENGTH;
            case BlobType t -> UNBOUNDED_LENGTH;
            case DateType t -> 10;
            case TimestampType t -> 26;
            case IntervalType t -> 40;
            case NullType t -> 4;
        };
    }

    /** The class of {@code ResultSet.getObject} values of this type. */
    static String className(DataType type)
    {
        return switch (type) {
            case BooleanType t -> Boolean.class.getName();
            case SmallintType t -> Short.class.getName();
            case IntegerType t -> Integer.class.getName();
            case BigintType t -> Long.class.getName();
            case RealType t -> Float.class.getName();
            case DoubleType t -> Double.class.getName();
            case DecimalType t -> java.math.BigDecimal.class.getName();
            case VarcharType t -> String.class.getName();
            case BlobType t -> byte[].class.getName();
            case DateType t -> java.time.LocalDate.class.getName();
            case TimestampType t -> java.time.LocalDateTime.class.getName();
            case IntervalType t -> dev.basalt.spi.value.Interval.class.getName();
            case NullType t -> Object.class.getName();
        };
    }

    static boolean isSigned(DataType type)
    {
        return type.isNumeric();
    }

    /** Radix of {@link #precision}: 10 for numbers, 0 where it does not apply. */
    static Integer radix(DataType type)
    {
        return type.isNumeric() ? 10 : null;
    }
}

package dev.basalt.execution.expression;

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

/** How two values of a type are compared: the physical representation that the comparison loop reads. */
enum ComparisonKind
{
    LONG, INT, SHORT, DOUBLE, FLOAT, BOOLEAN, DECIMAL, VARCHAR, INTERVAL, NULL;

    /** The kind for comparing {@code left} with {@code right}; short decimals of equal scale compare as longs. */
    static ComparisonKind of(DataType left, DataType right)
    {
        if (left instanceof NullType || right instanceof NullType) {
            return NULL;
        }
        if (left instanceof DecimalType l && right instanceof DecimalType r) {
            return l.isShort() && r.isShort() && l.scale() == r.scale() ? LONG : DECIMAL;
        }
        return switch (left) {
            case BigintType t -> LONG;
            case TimestampType t -> LONG;
            case IntegerType t -> INT;
            case DateType t -> INT;
            case SmallintType t -> SHORT;
            case DoubleType t -> DOUBLE;
            case RealType t -> FLOAT;
            case BooleanType t -> BOOLEAN;
            case VarcharType _, BlobType _ -> VARCHAR;
            case IntervalType t -> INTERVAL;
            case DecimalType t -> throw new IllegalArgumentException("cannot compare " + left + " with " + right);
            case NullType t -> NULL;
        };
    }
}

package dev.basalt.storage.column;

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

/**
 * How a SQL type's values are laid out in its Arrow vector, which is all the codecs care about. Several SQL
 * types share a kind (DATE and INTEGER are both INT32; BIGINT, TIMESTAMP and short DECIMAL are INT64).
 */
public enum PhysicalKind
{
    BOOLEAN(1, 0),
    INT16(2, 2),
    INT32(3, 4),
    INT64(4, 8),
    FLOAT32(5, 4),
    FLOAT64(6, 8),
    /** DECIMAL with precision over 18: 16-byte two's complement, little-endian. */
    INT128(7, 16),
    /** INTERVAL: months int32, days int32, nanoseconds int64. */
    INTERVAL(8, 16),
    /** VARCHAR: UTF-8 bytes with int32 offsets. */
    VARBINARY(9, -1),
    NULL(10, 0);

    private final int id;
    private final int width;

    PhysicalKind(int id, int width)
    {
        this.id = id;
        this.width = width;
    }

    /** Stable number stored in chunk headers. */
    public int id()
    {
        return id;
    }

    /** Bytes per value in the Arrow data buffer; 0 for bits / no data, -1 for variable width. */
    public int width()
    {
        return width;
    }

    /** Kinds whose values are signed integers (frame-of-reference applies). */
    public boolean isInteger()
    {
        return this == INT16 || this == INT32 || this == INT64;
    }

    /** Kinds held as one long per value in a {@link ColumnBuffer}. */
    public boolean isLongBacked()
    {
        return this == BOOLEAN || this == INT16 || this == INT32 || this == INT64 || this == FLOAT32 || this == FLOAT64;
    }

    public boolean isWide()
    {
        return this == INT128 || this == INTERVAL;
    }

    public static PhysicalKind of(DataType type)
    {
        return switch (type) {
            case BooleanType t -> BOOLEAN;
            case SmallintType t -> INT16;
            case IntegerType t -> INT32;
            case DateType t -> INT32;
            case BigintType t -> INT64;
            case TimestampType t -> INT64;
            case DecimalType t -> t.isShort() ? INT64 : INT128;
            case RealType t -> FLOAT32;
            case DoubleType t -> FLOAT64;
            case IntervalType t -> INTERVAL;
            case VarcharType t -> VARBINARY;
            case BlobType t -> VARBINARY;
            case NullType t -> NULL;
        };
    }

    public static PhysicalKind fromId(int id)
    {
        for (PhysicalKind kind : values()) {
            if (kind.id == id) {
                return kind;
            }
        }
        return null;
    }
}

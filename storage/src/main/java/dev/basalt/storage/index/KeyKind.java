package dev.basalt.storage.index;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
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
 * How an index stores the keys of one key column. Every fixed-width type up to 64 bits becomes a signed long whose
 * order is the SQL order (floating point through an order-preserving bit transform), so one comparison serves them
 * all; wide decimals are 128-bit two's complement; strings are UTF-8 bytes compared unsigned (= code point order).
 */
enum KeyKind
{
    /** BOOLEAN, SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, DECIMAL(p<=18), REAL, DOUBLE. */
    LONG(1),
    /** DECIMAL(p>18): unscaled 128-bit value. */
    INT128(2),
    /** VARCHAR / CHAR: UTF-8 bytes. */
    BYTES(3),
    /** The NULL type: every key is null. */
    NONE(4);

    private final int id;

    KeyKind(int id)
    {
        this.id = id;
    }

    /** Stable number stored in index headers. */
    int id()
    {
        return id;
    }

    static KeyKind fromId(int id)
    {
        for (KeyKind kind : values()) {
            if (kind.id == id) {
                return kind;
            }
        }
        return null;
    }

    /** Fails with FEATURE_NOT_SUPPORTED for INTERVAL, which has no total order in Basalt. */
    static KeyKind of(DataType type, String columnName)
    {
        return switch (type) {
            case BooleanType t -> LONG;
            case SmallintType t -> LONG;
            case IntegerType t -> LONG;
            case BigintType t -> LONG;
            case DateType t -> LONG;
            case TimestampType t -> LONG;
            case RealType t -> LONG;
            case DoubleType t -> LONG;
            case DecimalType t -> t.isShort() ? LONG : INT128;
            case VarcharType t -> BYTES;
            case NullType t -> NONE;
            case IntervalType t -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot index column \"" + columnName + "\" of type INTERVAL");
            case BlobType t -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot index column \"" + columnName + "\" of type BLOB");
        };
    }

    /**
     * Identifies how stored keys of a type are to be read, for the header: types whose keys mean the same (SMALLINT,
     * INTEGER and BIGINT; VARCHAR of any length; DECIMAL of any precision with the same scale and width) share a tag,
     * so a harmless ALTER does not invalidate index data, while DATE vs TIMESTAMP or a new scale is caught.
     */
    static int typeTag(DataType type)
    {
        return switch (type) {
            case BooleanType t -> 1;
            case SmallintType t -> 2;
            case IntegerType t -> 2;
            case BigintType t -> 2;
            case RealType t -> 3;
            case DoubleType t -> 4;
            case DecimalType t -> (t.isShort() ? 0x100 : 0x200) + t.scale();
            case VarcharType t -> 5;
            case DateType t -> 6;
            case TimestampType t -> 7;
            case NullType t -> 8;
            case IntervalType t -> 9;
            case BlobType t -> 10;
        };
    }

    /** Order-preserving long for a REAL's raw bits: -0.0 is 0.0, every NaN is one NaN above +Infinity. */
    static long sortableFloat(int rawBits)
    {
        float value = Float.intBitsToFloat(rawBits);
        if (value == 0.0f) {
            return 0;
        }
        int bits = Float.isNaN(value) ? Float.floatToIntBits(Float.NaN) : rawBits;
        return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
    }

    /** Order-preserving long for a DOUBLE's raw bits: -0.0 is 0.0, every NaN is one NaN above +Infinity. */
    static long sortableDouble(long rawBits)
    {
        double value = Double.longBitsToDouble(rawBits);
        if (value == 0.0) {
            return 0;
        }
        long bits = Double.isNaN(value) ? Double.doubleToLongBits(Double.NaN) : rawBits;
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static float floatFromSortable(long key)
    {
        int bits = (int) key;
        return Float.intBitsToFloat(bits ^ ((bits >> 31) & Integer.MAX_VALUE));
    }

    static double doubleFromSortable(long key)
    {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}

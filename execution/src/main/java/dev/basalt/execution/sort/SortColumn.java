package dev.basalt.execution.sort;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.Vectors;
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
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One ORDER BY key extracted from a vector for sorting: a 64-bit normalized key per row whose signed order is the
 * ascending value order (exact for numbers, dates, timestamps, booleans and short decimals; a prefix for strings,
 * long decimals and intervals, which then break ties with {@link #compareFull}).
 */
public final class SortColumn
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private final DataType type;
    private final boolean ascending;
    private final boolean nullsFirst;
    private final boolean exact;
    private final MemorySegment data;
    private final MemorySegment offsets;
    private final MemorySegment validity;
    private final boolean allNull;
    private final long[] keys;

    public SortColumn(FieldVector vector, DataType type, boolean ascending, boolean nullsFirst, int rowCount)
    {
        this.type = type;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
        this.allNull = type instanceof NullType;
        this.exact = !(Vectors.isVariableWidth(type) || type instanceof IntervalType || type instanceof DecimalType d && !d.isShort());
        this.data = allNull ? null : Vectors.data(vector);
        this.offsets = Vectors.isVariableWidth(type) ? Vectors.offsets(vector) : null;
        this.validity = allNull ? null : Vectors.validity(vector);
        this.keys = new long[rowCount];
        if (!allNull) {
            for (int row = 0; row < rowCount; row++) {
                keys[row] = normalizedKey(row);
            }
        }
    }

    public static long bytesPerRow()
    {
        return Long.BYTES;
    }

    public boolean ascending()
    {
        return ascending;
    }

    public boolean nullsFirst()
    {
        return nullsFirst;
    }

    public boolean exact()
    {
        return exact;
    }

    public boolean isNull(int row)
    {
        return allNull || !Bitmaps.isSet(validity, row);
    }

    /** The ascending-order key of a non-NULL row. */
    public long key(int row)
    {
        return keys[row];
    }

    private long normalizedKey(int row)
    {
        return switch (type) {
            case BooleanType t -> Bitmaps.get(data, row) ? 1 : 0;
            case SmallintType t -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, row);
            case IntegerType t -> data.getAtIndex(INT, row);
            case DateType t -> data.getAtIndex(INT, row);
            case BigintType t -> data.getAtIndex(LONG, row);
            case TimestampType t -> data.getAtIndex(LONG, row);
            case DecimalType t when t.isShort() -> data.getAtIndex(LONG, row);
            case DecimalType t -> data.getAtIndex(LONG, 2L * row + 1);
            case RealType t -> sortableDouble(data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, row));
            case DoubleType t -> sortableDouble(data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, row));
            case VarcharType _, BlobType _ -> stringPrefix(row);
            case IntervalType t -> 30L * data.get(INT, 16L * row) + data.get(INT, 16L * row + 4);
            case NullType t -> 0;
        };
    }

    /** A long whose signed order is Double.compare's order (-0.0 before 0.0, NaN last). */
    static long sortableDouble(double value)
    {
        long bits = Double.doubleToLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private long stringPrefix(int row)
    {
        int start = offsets.getAtIndex(INT, row);
        int length = offsets.getAtIndex(INT, row + 1) - start;
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix <<= 8;
            if (i < length) {
                prefix |= data.get(BYTE, start + i) & 0xFF;
            }
        }
        // unsigned byte order -> signed long order
        return prefix ^ Long.MIN_VALUE;
    }

    /** Full ascending comparison of two non-NULL rows, for keys whose normalized key is only a prefix. */
    public int compareFull(int left, int right)
    {
        return switch (type) {
            case VarcharType _, BlobType _ -> {
                int leftStart = offsets.getAtIndex(INT, left);
                int rightStart = offsets.getAtIndex(INT, right);
                yield Utf8.compare(data, leftStart, offsets.getAtIndex(INT, left + 1) - leftStart,
                        data, rightStart, offsets.getAtIndex(INT, right + 1) - rightStart);
            }
            case DecimalType t -> DecimalMath.compare(data.getAtIndex(LONG, 2L * left + 1), data.getAtIndex(LONG, 2L * left),
                    data.getAtIndex(LONG, 2L * right + 1), data.getAtIndex(LONG, 2L * right));
            case IntervalType t -> {
                long leftNanos = data.get(LONG, 16L * left + 8);
                long rightNanos = data.get(LONG, 16L * right + 8);
                int c = Long.compare(keys[left], keys[right]);
                yield c != 0 ? c : Long.compare(leftNanos, rightNanos);
            }
            default -> Long.compare(keys[left], keys[right]);
        };
    }

    /** Compares two rows by this key with its direction and NULL placement. */
    public int compare(int left, int right)
    {
        boolean leftNull = isNull(left);
        boolean rightNull = isNull(right);
        if (leftNull || rightNull) {
            if (leftNull && rightNull) {
                return 0;
            }
            return leftNull == nullsFirst ? -1 : 1;
        }
        int c = Long.compare(keys[left], keys[right]);
        if (c == 0 && !exact) {
            c = compareFull(left, right);
        }
        return ascending ? c : -c;
    }
}

package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static java.util.Objects.requireNonNull;

/** Compares two evaluated vectors position by position and selects the rows where the comparison is TRUE. */
public final class ColumnComparison
{
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final CompareOp op;
    private final ComparisonKind kind;
    private final DataType leftType;
    private final DataType rightType;
    private final long[] scratchLeft = new long[2];
    private final long[] scratchRight = new long[2];

    public ColumnComparison(CompareOp op, DataType leftType, DataType rightType)
    {
        this.op = requireNonNull(op, "op is null");
        this.leftType = requireNonNull(leftType, "leftType is null");
        this.rightType = requireNonNull(rightType, "rightType is null");
        this.kind = ComparisonKind.of(leftType, rightType);
    }

    public CompareOp op()
    {
        return op;
    }

    public int select(FieldVector left, FieldVector right, int[] rows, int count, int[] out)
    {
        if (kind == ComparisonKind.NULL) {
            return 0;
        }
        MemorySegment leftValidity = Vectors.validity(left);
        MemorySegment rightValidity = Vectors.validity(right);
        MemorySegment a = Vectors.data(left);
        MemorySegment b = Vectors.data(right);
        return switch (kind) {
            case LONG -> Kernels.get().selectLongColumns(op, a, leftValidity, b, rightValidity, rows, count, out);
            case INT -> Kernels.get().selectIntColumns(op, a, leftValidity, b, rightValidity, rows, count, out);
            case DOUBLE -> Kernels.get().selectDoubleColumns(op, a, leftValidity, b, rightValidity, rows, count, out);
            case SHORT -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(leftValidity, p) && Bitmaps.isSet(rightValidity, p)
                            && op.test(Short.compare(a.getAtIndex(SHORT, p), b.getAtIndex(SHORT, p)));
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case FLOAT -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(leftValidity, p) && Bitmaps.isSet(rightValidity, p)
                            && testDouble(op, a.getAtIndex(FLOAT, p), b.getAtIndex(FLOAT, p));
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case BOOLEAN -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(leftValidity, p) && Bitmaps.isSet(rightValidity, p)
                            && op.test(Boolean.compare(Bitmaps.get(a, p), Bitmaps.get(b, p)));
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case DECIMAL -> selectDecimal(a, leftValidity, b, rightValidity, rows, count, out);
            case VARCHAR -> {
                MemorySegment leftOffsets = Vectors.offsets(left);
                MemorySegment rightOffsets = Vectors.offsets(right);
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    if (!Bitmaps.isSet(leftValidity, p) || !Bitmaps.isSet(rightValidity, p)) {
                        continue;
                    }
                    int leftStart = leftOffsets.getAtIndex(INT, p);
                    int rightStart = rightOffsets.getAtIndex(INT, p);
                    int c = Utf8.compare(a, leftStart, leftOffsets.getAtIndex(INT, p + 1) - leftStart,
                            b, rightStart, rightOffsets.getAtIndex(INT, p + 1) - rightStart);
                    out[n] = p;
                    n += op.test(c) ? 1 : 0;
                }
                yield n;
            }
            case INTERVAL -> {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    boolean keep = Bitmaps.isSet(leftValidity, p) && Bitmaps.isSet(rightValidity, p)
                            && op.test(compareIntervals(a, p, b, p));
                    out[n] = p;
                    n += keep ? 1 : 0;
                }
                yield n;
            }
            case NULL -> 0;
        };
    }

    static boolean testDouble(CompareOp op, double left, double right)
    {
        return switch (op) {
            case EQUAL -> left == right;
            case NOT_EQUAL -> left != right;
            case LESS_THAN -> left < right;
            case LESS_THAN_OR_EQUAL -> left <= right;
            case GREATER_THAN -> left > right;
            case GREATER_THAN_OR_EQUAL -> left >= right;
        };
    }

    private int selectDecimal(MemorySegment a, MemorySegment leftValidity, MemorySegment b, MemorySegment rightValidity, int[] rows, int count, int[] out)
    {
        DecimalType left = (DecimalType) leftType;
        DecimalType right = (DecimalType) rightType;
        int scale = Math.max(left.scale(), right.scale());
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(leftValidity, p) || !Bitmaps.isSet(rightValidity, p)) {
                continue;
            }
            int c = compareDecimals(a, left, p, b, right, p, scale, scratchLeft, scratchRight);
            out[n] = p;
            n += op.test(c) ? 1 : 0;
        }
        return n;
    }

    /** Reads a decimal at a position as (high, low) into out. */
    static void readDecimal(MemorySegment data, DecimalType type, int position, long[] out)
    {
        if (type.isShort()) {
            long value = data.getAtIndex(LONG, position);
            out[0] = value >> 63;
            out[1] = value;
        }
        else {
            out[1] = data.getAtIndex(LONG, 2L * position);
            out[0] = data.getAtIndex(LONG, 2L * position + 1);
        }
    }

    /** Compares two decimals by value after aligning scales; an overflowing rescale decides by sign. */
    static int compareDecimals(MemorySegment a, DecimalType left, int leftPosition, MemorySegment b, DecimalType right, int rightPosition, int scale,
            long[] scratchLeft, long[] scratchRight)
    {
        readDecimal(a, left, leftPosition, scratchLeft);
        readDecimal(b, right, rightPosition, scratchRight);
        long leftSign = scratchLeft[0];
        long rightSign = scratchRight[0];
        if (!DecimalMath.scaleUp(scratchLeft[0], scratchLeft[1], scale - left.scale(), scratchLeft)) {
            return leftSign < 0 ? -1 : 1;
        }
        if (!DecimalMath.scaleUp(scratchRight[0], scratchRight[1], scale - right.scale(), scratchRight)) {
            return rightSign < 0 ? 1 : -1;
        }
        return DecimalMath.compare(scratchLeft[0], scratchLeft[1], scratchRight[0], scratchRight[1]);
    }

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** Intervals compare by their length with 30-day months (PostgreSQL), exactly. */
    static int compareIntervals(MemorySegment a, int leftPosition, MemorySegment b, int rightPosition)
    {
        long[] left = intervalNanos(a, leftPosition);
        long[] right = intervalNanos(b, rightPosition);
        return DecimalMath.compare(left[0], left[1], right[0], right[1]);
    }

    static long[] intervalNanos(MemorySegment data, int position)
    {
        long offset = 16L * position;
        long days = 30L * data.get(ValueLayout.JAVA_INT_UNALIGNED, offset) + data.get(ValueLayout.JAVA_INT_UNALIGNED, offset + 4);
        long nanos = data.get(LONG, offset + 8);
        long[] total = new long[2];
        total[0] = Math.multiplyHigh(days, NANOS_PER_DAY);
        total[1] = days * NANOS_PER_DAY;
        DecimalMath.add(total[0], total[1], nanos >> 63, nanos, total);
        return total;
    }
}

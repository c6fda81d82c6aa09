package dev.basalt.execution.window;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFrame.BoundType;
import dev.basalt.planner.plan.WindowFrame.FrameBound;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.value.Interval;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;

/**
 * Frame boundaries in window order: for every row i, {@code start[i]} (inclusive) and {@code end[i]} (exclusive)
 * positions, clamped to the row's partition, with {@code end >= start} (empty frames have end == start). ROWS
 * counts rows, GROUPS counts peer groups, RANGE compares the single ORDER BY key's value (binary search over the
 * partition's non-NULL keys, which are sorted); a NULL key row's offset frame is its peer group (the NULLs).
 */
public final class WindowFrames
{
    private final WindowLayout layout;
    /** RANGE keys in window order, as longs (integers, unscaled decimals, epoch micros) or doubles. */
    private long[] longKeys;
    private double[] doubleKeys;
    private boolean[] nullKeys;
    private DataType keyType;
    private boolean ascending;

    public WindowFrames(WindowLayout layout)
    {
        this.layout = layout;
    }

    /** Computes the frame of every row into start/end (length = row count). */
    public void compute(WindowFrame frame, int[] start, int[] end)
    {
        if (frame.type() == WindowFrame.FrameType.RANGE && (hasOffset(frame.start()) || hasOffset(frame.end()))) {
            loadRangeKeys();
        }
        int n = layout.rowCount();
        for (int i = 0; i < n; i++) {
            int s = bound(frame.type(), frame.start(), i, true);
            int e = bound(frame.type(), frame.end(), i, false);
            start[i] = s;
            end[i] = Math.max(s, e);
        }
    }

    private static boolean hasOffset(FrameBound bound)
    {
        return bound.type() == BoundType.PRECEDING || bound.type() == BoundType.FOLLOWING;
    }

    private int bound(WindowFrame.FrameType type, FrameBound bound, int i, boolean isStart)
    {
        int ps = layout.partitionStart(i);
        int pe = layout.partitionEnd(i);
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> ps;
            case UNBOUNDED_FOLLOWING -> pe;
            case CURRENT_ROW -> switch (type) {
                case ROWS -> isStart ? i : i + 1;
                case RANGE, GROUPS -> isStart ? layout.peerStart(i) : layout.peerEnd(i);
            };
            case PRECEDING, FOLLOWING -> {
                boolean following = bound.type() == BoundType.FOLLOWING;
                yield switch (type) {
                    case ROWS -> {
                        long offset = longOffset(bound);
                        long position = following ? i + offset : i - offset;
                        yield (int) Math.clamp(isStart ? position : position + 1, ps, pe);
                    }
                    case GROUPS -> {
                        long offset = longOffset(bound);
                        long group = layout.groupIndex(i) + (following ? offset : -offset);
                        int groups = layout.groupCount(i);
                        if (group < 0) {
                            yield ps;
                        }
                        if (group >= groups) {
                            yield pe;
                        }
                        yield isStart ? layout.groupStart(i, (int) group) : layout.groupEnd(i, (int) group);
                    }
                    case RANGE -> rangeBound(bound, following, i, isStart, ps, pe);
                };
            }
        };
    }

    private static long longOffset(FrameBound bound)
    {
        if (!(bound.offset() instanceof Number number)) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "frame offset must be a non-null integer");
        }
        long offset = number.longValue();
        if (offset < 0) {
            throw new BasaltException(ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame starting or ending offset must not be negative");
        }
        return offset;
    }

    private void loadRangeKeys()
    {
        if (longKeys != null || doubleKeys != null) {
            return;
        }
        if (layout.orderColumns().size() != 1) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
        }
        keyType = layout.orderTypes().getFirst();
        ascending = layout.orderAscending().getFirst();
        FieldVector vector = layout.orderColumns().getFirst();
        int n = layout.rowCount();
        int[] order = layout.order();
        MemorySegment data = Vectors.data(vector);
        MemorySegment validity = Vectors.validity(vector);
        nullKeys = new boolean[n];
        boolean floating = keyType instanceof DoubleType || keyType instanceof RealType;
        if (floating) {
            doubleKeys = new double[n];
        }
        else {
            longKeys = new long[n];
        }
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (!Bitmaps.isSet(validity, row)) {
                nullKeys[i] = true;
                continue;
            }
            switch (keyType) {
                case DoubleType t -> doubleKeys[i] = data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, row);
                case RealType t -> doubleKeys[i] = data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, row);
                case SmallintType t -> longKeys[i] = data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, row);
                case IntegerType t -> longKeys[i] = data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, row);
                case BigintType t -> longKeys[i] = data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, row);
                case DecimalType t when t.isShort() -> longKeys[i] = data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, row);
                case DateType t -> longKeys[i] = data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, row) * DateTimes.MICROS_PER_DAY;
                case TimestampType t -> longKeys[i] = data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, row);
                default -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "RANGE offset frames are not supported for ORDER BY " + keyType.sqlName());
            }
        }
    }

    private int rangeBound(FrameBound bound, boolean following, int i, boolean isStart, int ps, int pe)
    {
        if (nullKeys[i]) {
            return isStart ? layout.peerStart(i) : layout.peerEnd(i);
        }
        // the partition's non-NULL keys: NULLs sort all first or all last within the partition
        int from = ps;
        while (from < pe && nullKeys[from]) {
            from = layout.peerEnd(from);
        }
        int to = pe;
        if (to > from && nullKeys[to - 1]) {
            to = layout.peerStart(to - 1);
        }
        // "preceding" means smaller keys in ascending order, larger ones in descending order
        boolean up = following == ascending;
        // start: first row whose key is at or past the target; end: first row strictly past it
        boolean strict = !isStart;
        if (doubleKeys != null) {
            double offset = doubleOffset(bound);
            double target = up ? doubleKeys[i] + offset : doubleKeys[i] - offset;
            int lo = from;
            int hi = to;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                double key = doubleKeys[mid];
                boolean past = ascending ? (strict ? key > target : key >= target) : (strict ? key < target : key <= target);
                if (past) {
                    hi = mid;
                }
                else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
        long target = target(longKeys[i], bound, up);
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long key = longKeys[mid];
            boolean past = ascending ? (strict ? key > target : key >= target) : (strict ? key < target : key <= target);
            if (past) {
                hi = mid;
            }
            else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double doubleOffset(FrameBound bound)
    {
        if (!(bound.offset() instanceof Number number)) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "RANGE offset must be a non-null number");
        }
        double offset = number.doubleValue();
        if (offset < 0 || Double.isNaN(offset)) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid preceding or following size in window function");
        }
        return offset;
    }

    /** key +/- offset in the key's long representation, saturating instead of overflowing. */
    private long target(long key, FrameBound bound, boolean up)
    {
        Object offset = bound.offset();
        if (keyType instanceof DateType || keyType instanceof TimestampType) {
            Interval interval;
            if (offset instanceof Interval value) {
                interval = value;
            }
            else if (offset instanceof Number number && keyType instanceof DateType) {
                interval = new Interval(0, Math.toIntExact(number.longValue()), 0);
            }
            else {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "RANGE offset for " + keyType.sqlName() + " must be an interval");
            }
            if (interval.months() < 0 || interval.days() < 0 || interval.micros() < 0) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid preceding or following size in window function");
            }
            int sign = up ? 1 : -1;
            try {
                return DateTimes.addToTimestamp(key, sign * (long) interval.months(), sign * (long) interval.days(), sign * interval.micros());
            }
            catch (BasaltException e) {
                return up ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
        }
        long amount;
        if (keyType instanceof DecimalType decimal) {
            if (!(offset instanceof BigDecimal value)) {
                if (!(offset instanceof Number number)) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "RANGE offset must be a non-null number");
                }
                amount = BigDecimal.valueOf(number.longValue()).setScale(decimal.scale()).unscaledValue().longValueExact();
            }
            else {
                amount = value.setScale(decimal.scale(), java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
            }
        }
        else {
            amount = longOffset(bound);
        }
        if (amount < 0) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid preceding or following size in window function");
        }
        long result = up ? key + amount : key - amount;
        // saturate on overflow
        if (up && result < key) {
            return Long.MAX_VALUE;
        }
        if (!up && result > key) {
            return Long.MIN_VALUE;
        }
        return result;
    }
}

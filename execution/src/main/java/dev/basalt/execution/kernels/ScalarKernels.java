package dev.basalt.execution.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Plain-Java kernels: the reference semantics for {@link VectorKernels} and the implementation used when the
 * Vector API module is absent. Static helpers here are shared with {@link VectorKernels} for loop tails and
 * selections (which cannot be vectorized without gathers).
 */
public final class ScalarKernels
        implements KernelProvider
{
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    @Override
    public String name()
    {
        return "scalar";
    }

    static boolean isPresent(MemorySegment validity, int position)
    {
        return validity == null || ((validity.get(BYTE, position >>> 3) >> (position & 7)) & 1) != 0;
    }

    static boolean test(CompareOp op, long left, long right)
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

    static boolean test(CompareOp op, double left, double right)
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

    // ---- selections ------------------------------------------------------------------------------------

    @Override
    public int selectLong(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, long constant, int[] out)
    {
        return selectLongScalar(op, data, validity, rows, 0, count, constant, out, 0);
    }

    /** Visits rows (or positions) {@code from..count-1}, appending to out starting at {@code written}. */
    static int selectLongScalar(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int from, int count, long constant, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = test(op, data.getAtIndex(LONG, position), constant) && isPresent(validity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectInt(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, int constant, int[] out)
    {
        return selectIntScalar(op, data, validity, rows, 0, count, constant, out, 0);
    }

    static int selectIntScalar(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int from, int count, int constant, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = test(op, data.getAtIndex(INT, position), constant) && isPresent(validity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectDouble(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, double constant, int[] out)
    {
        return selectDoubleScalar(op, data, validity, rows, 0, count, constant, out, 0);
    }

    static int selectDoubleScalar(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int from, int count, double constant, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = test(op, data.getAtIndex(DOUBLE, position), constant) && isPresent(validity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectLongRange(MemorySegment data, MemorySegment validity, int[] rows, int count, long low, long high, int[] out)
    {
        return selectLongRangeScalar(data, validity, rows, 0, count, low, high, out, 0);
    }

    static int selectLongRangeScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count, long low, long high, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            long value = data.getAtIndex(LONG, position);
            boolean keep = value >= low & value <= high && isPresent(validity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectIntRange(MemorySegment data, MemorySegment validity, int[] rows, int count, int low, int high, int[] out)
    {
        return selectIntRangeScalar(data, validity, rows, 0, count, low, high, out, 0);
    }

    static int selectIntRangeScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count, int low, int high, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            int value = data.getAtIndex(INT, position);
            boolean keep = value >= low & value <= high && isPresent(validity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectLongColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out)
    {
        return selectLongColumnsScalar(op, left, leftValidity, right, rightValidity, rows, 0, count, out, 0);
    }

    static int selectLongColumnsScalar(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int from, int count, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = test(op, left.getAtIndex(LONG, position), right.getAtIndex(LONG, position))
                    && isPresent(leftValidity, position) && isPresent(rightValidity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectIntColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out)
    {
        return selectIntColumnsScalar(op, left, leftValidity, right, rightValidity, rows, 0, count, out, 0);
    }

    static int selectIntColumnsScalar(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int from, int count, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = test(op, left.getAtIndex(INT, position), right.getAtIndex(INT, position))
                    && isPresent(leftValidity, position) && isPresent(rightValidity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public int selectDoubleColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out)
    {
        return selectDoubleColumnsScalar(op, left, leftValidity, right, rightValidity, rows, 0, count, out, 0);
    }

    static int selectDoubleColumnsScalar(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int from, int count, int[] out, int written)
    {
        int n = written;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = test(op, left.getAtIndex(DOUBLE, position), right.getAtIndex(DOUBLE, position))
                    && isPresent(leftValidity, position) && isPresent(rightValidity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    // ---- arithmetic ------------------------------------------------------------------------------------

    @Override
    public boolean addLong(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        return addLongScalar(left, right, out, 0, count);
    }

    static boolean addLongScalar(MemorySegment left, MemorySegment right, MemorySegment out, int from, int count)
    {
        long overflow = 0;
        for (int i = from; i < count; i++) {
            long a = left.getAtIndex(LONG, i);
            long b = right.getAtIndex(LONG, i);
            long r = a + b;
            overflow |= (a ^ r) & (b ^ r);
            out.setAtIndex(LONG, i, r);
        }
        return overflow < 0;
    }

    @Override
    public boolean addLongConstant(MemorySegment left, long right, MemorySegment out, int count)
    {
        return addLongConstantScalar(left, right, out, 0, count);
    }

    static boolean addLongConstantScalar(MemorySegment left, long b, MemorySegment out, int from, int count)
    {
        long overflow = 0;
        for (int i = from; i < count; i++) {
            long a = left.getAtIndex(LONG, i);
            long r = a + b;
            overflow |= (a ^ r) & (b ^ r);
            out.setAtIndex(LONG, i, r);
        }
        return overflow < 0;
    }

    @Override
    public boolean subtractLong(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        return subtractLongScalar(left, right, out, 0, count);
    }

    static boolean subtractLongScalar(MemorySegment left, MemorySegment right, MemorySegment out, int from, int count)
    {
        long overflow = 0;
        for (int i = from; i < count; i++) {
            long a = left.getAtIndex(LONG, i);
            long b = right.getAtIndex(LONG, i);
            long r = a - b;
            overflow |= (a ^ b) & (a ^ r);
            out.setAtIndex(LONG, i, r);
        }
        return overflow < 0;
    }

    @Override
    public boolean subtractLongConstant(MemorySegment left, long right, MemorySegment out, int count)
    {
        return subtractLongConstantScalar(left, right, out, 0, count);
    }

    static boolean subtractLongConstantScalar(MemorySegment left, long b, MemorySegment out, int from, int count)
    {
        long overflow = 0;
        for (int i = from; i < count; i++) {
            long a = left.getAtIndex(LONG, i);
            long r = a - b;
            overflow |= (a ^ b) & (a ^ r);
            out.setAtIndex(LONG, i, r);
        }
        return overflow < 0;
    }

    @Override
    public boolean constantSubtractLong(long left, MemorySegment right, MemorySegment out, int count)
    {
        return constantSubtractLongScalar(left, right, out, 0, count);
    }

    static boolean constantSubtractLongScalar(long a, MemorySegment right, MemorySegment out, int from, int count)
    {
        long overflow = 0;
        for (int i = from; i < count; i++) {
            long b = right.getAtIndex(LONG, i);
            long r = a - b;
            overflow |= (a ^ b) & (a ^ r);
            out.setAtIndex(LONG, i, r);
        }
        return overflow < 0;
    }

    /** True when the operand is outside the int range, so a product with it might overflow a long. */
    static long wide(long value)
    {
        return (value + 0x8000_0000L) >>> 32;
    }

    @Override
    public boolean multiplyLong(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        return multiplyLongScalar(left, right, out, 0, count);
    }

    static boolean multiplyLongScalar(MemorySegment left, MemorySegment right, MemorySegment out, int from, int count)
    {
        // Same test as the vector twin: operands within the int range cannot overflow a long product.
        long wide = 0;
        for (int i = from; i < count; i++) {
            long a = left.getAtIndex(LONG, i);
            long b = right.getAtIndex(LONG, i);
            wide |= wide(a) | wide(b);
            out.setAtIndex(LONG, i, a * b);
        }
        return wide != 0;
    }

    @Override
    public boolean multiplyLongConstant(MemorySegment left, long right, MemorySegment out, int count)
    {
        return multiplyLongConstantScalar(left, right, out, 0, count);
    }

    static boolean multiplyLongConstantScalar(MemorySegment left, long b, MemorySegment out, int from, int count)
    {
        long wide = wide(b);
        for (int i = from; i < count; i++) {
            long a = left.getAtIndex(LONG, i);
            wide |= wide(a);
            out.setAtIndex(LONG, i, a * b);
        }
        return wide != 0;
    }

    @Override
    public void addDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) + right.getAtIndex(DOUBLE, i));
        }
    }

    @Override
    public void addDoubleConstant(MemorySegment left, double right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) + right);
        }
    }

    @Override
    public void subtractDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) - right.getAtIndex(DOUBLE, i));
        }
    }

    @Override
    public void subtractDoubleConstant(MemorySegment left, double right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) - right);
        }
    }

    @Override
    public void constantSubtractDouble(double left, MemorySegment right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left - right.getAtIndex(DOUBLE, i));
        }
    }

    @Override
    public void multiplyDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) * right.getAtIndex(DOUBLE, i));
        }
    }

    @Override
    public void multiplyDoubleConstant(MemorySegment left, double right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) * right);
        }
    }

    @Override
    public void divideDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        for (int i = 0; i < count; i++) {
            out.setAtIndex(DOUBLE, i, left.getAtIndex(DOUBLE, i) / right.getAtIndex(DOUBLE, i));
        }
    }

    // ---- reductions ------------------------------------------------------------------------------------

    /** Adds a signed 64-bit value to a 128-bit accumulator {high, low}. */
    static void add128(long[] sum, long high, long low)
    {
        long oldLow = sum[1];
        long newLow = oldLow + low;
        long carry = Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0;
        sum[0] += high + carry;
        sum[1] = newLow;
    }

    @Override
    public void sumLong(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] sum)
    {
        sumLongScalar(data, validity, rows, 0, count, sum);
    }

    static void sumLongScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count, long[] sum)
    {
        // Wrapping sum plus a count of wrap-arounds gives the exact 128-bit result without a branch per row.
        long s = 0;
        long wraps = 0;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            long v = isPresent(validity, position) ? data.getAtIndex(LONG, position) : 0;
            long r = s + v;
            long overflow = ((s ^ r) & (v ^ r)) >> 63;
            wraps += overflow & ((v >> 63) | 1);
            s = r;
        }
        add128(sum, (s >> 63) + wraps, s);
    }

    @Override
    public long sumInt(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return sumIntScalar(data, validity, rows, 0, count);
    }

    static long sumIntScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        long s = 0;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            s += isPresent(validity, position) ? data.getAtIndex(INT, position) : 0;
        }
        return s;
    }

    @Override
    public double sumDouble(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return sumDoubleScalar(data, validity, rows, 0, count);
    }

    static double sumDoubleScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        double s = 0;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            if (isPresent(validity, position)) {
                s += data.getAtIndex(DOUBLE, position);
            }
        }
        return s;
    }

    @Override
    public long minLong(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return minLongScalar(data, validity, rows, 0, count);
    }

    static long minLongScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        long min = Long.MAX_VALUE;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            long v = isPresent(validity, position) ? data.getAtIndex(LONG, position) : Long.MAX_VALUE;
            min = Math.min(min, v);
        }
        return min;
    }

    @Override
    public long maxLong(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return maxLongScalar(data, validity, rows, 0, count);
    }

    static long maxLongScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        long max = Long.MIN_VALUE;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            long v = isPresent(validity, position) ? data.getAtIndex(LONG, position) : Long.MIN_VALUE;
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public int minInt(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return minIntScalar(data, validity, rows, 0, count);
    }

    static int minIntScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        int min = Integer.MAX_VALUE;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            int v = isPresent(validity, position) ? data.getAtIndex(INT, position) : Integer.MAX_VALUE;
            min = Math.min(min, v);
        }
        return min;
    }

    @Override
    public int maxInt(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return maxIntScalar(data, validity, rows, 0, count);
    }

    static int maxIntScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        int max = Integer.MIN_VALUE;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            int v = isPresent(validity, position) ? data.getAtIndex(INT, position) : Integer.MIN_VALUE;
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public double minDouble(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return minDoubleScalar(data, validity, rows, 0, count);
    }

    static double minDoubleScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            if (isPresent(validity, position)) {
                min = Math.min(min, data.getAtIndex(DOUBLE, position));
            }
        }
        return min;
    }

    @Override
    public double maxDouble(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        return maxDoubleScalar(data, validity, rows, 0, count);
    }

    static double maxDoubleScalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            if (isPresent(validity, position)) {
                max = Math.max(max, data.getAtIndex(DOUBLE, position));
            }
        }
        return max;
    }

    @Override
    public int countPresent(MemorySegment validity, int[] rows, int count)
    {
        return countPresentScalar(validity, rows, 0, count);
    }

    static int countPresentScalar(MemorySegment validity, int[] rows, int from, int count)
    {
        if (validity == null) {
            return count - from;
        }
        int n = 0;
        if (rows == null && from == 0) {
            // whole words of the bitmap at a time
            int words = count >>> 6;
            for (int w = 0; w < words; w++) {
                n += Long.bitCount(validity.getAtIndex(LONG, w));
            }
            from = words << 6;
        }
        for (int i = from; i < count; i++) {
            n += isPresent(validity, rows == null ? i : rows[i]) ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean sumInt128(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] sum)
    {
        return sumInt128Scalar(data, validity, rows, 0, count, sum);
    }

    static boolean sumInt128Scalar(MemorySegment data, MemorySegment validity, int[] rows, int from, int count, long[] sum)
    {
        long high = sum[0];
        long low = sum[1];
        boolean overflow = false;
        for (int i = from; i < count; i++) {
            int position = rows == null ? i : rows[i];
            if (!isPresent(validity, position)) {
                continue;
            }
            long valueLow = data.getAtIndex(LONG, 2L * position);
            long valueHigh = data.getAtIndex(LONG, 2L * position + 1);
            long newLow = low + valueLow;
            long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
            long addend = valueHigh + carry;
            overflow |= valueHigh == Long.MAX_VALUE && carry == 1;
            long newHigh = high + addend;
            overflow |= ((high ^ newHigh) & (addend ^ newHigh)) < 0;
            high = newHigh;
            low = newLow;
        }
        sum[0] = high;
        sum[1] = low;
        return overflow;
    }
}

package dev.basalt.execution.window;

import dev.basalt.execution.hash.GroupByHash;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

/**
 * COUNT/SUM/AVG(DISTINCT x) over sliding frames: every value gets a dense id ({@link GroupByHash}); moving the
 * frame adds and removes rows, and a value enters the aggregate when its count in the frame becomes 1 and leaves
 * it when it drops to 0. Frames only move forward, so this is O(n) overall.
 */
final class DistinctWindowAggregate
{
    private final WindowLayout layout;
    private final FieldVector input;
    private final DataType type;
    private final int[] frameStart;
    private final int[] frameEnd;

    DistinctWindowAggregate(WindowLayout layout, FieldVector input, DataType type, int[] frameStart, int[] frameEnd)
    {
        this.layout = layout;
        this.input = input;
        this.type = type;
        this.frameStart = frameStart;
        this.frameEnd = frameEnd;
    }

    WindowResult compute(AggregateFunction function, DataType resultType)
    {
        int n = layout.rowCount();
        int[] order = layout.order();
        if (type instanceof NullType) {
            return function == AggregateFunction.COUNT
                    ? new WindowResult.Longs(new long[n], null)
                    : new WindowResult.Longs(new long[n], WindowFunctionComputer.allTrue(n));
        }
        int[] ids = new int[n];
        GroupByHash hash = new GroupByHash(List.of(type), 1024);
        hash.groupIds(List.of(input), order, n, ids);
        MemorySegment validity = Vectors.validity(input);
        MemorySegment data = Vectors.data(input);
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            valid[i] = Bitmaps.isSet(validity, order[i]);
        }
        boolean floating = type instanceof DoubleType || type instanceof RealType;
        boolean big = type instanceof DecimalType d && !d.isShort();
        boolean integral = type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType || type instanceof DecimalType d2 && d2.isShort();
        boolean summing = function != AggregateFunction.COUNT;
        if (summing && !floating && !big && !integral) {
            throw new BasaltException(ErrorCode.UNDEFINED_FUNCTION, function + " is not defined for " + type.sqlName());
        }
        int scale = type instanceof DecimalType d ? d.scale() : 0;
        int[] counts = new int[hash.groupCount()];
        long distinct = 0;
        long high = 0;
        long low = 0;
        double doubleSum = 0;
        BigInteger bigSum = BigInteger.ZERO;
        long[] counted = new long[n];
        long[] resultHigh = new long[n];
        long[] resultLow = new long[n];
        double[] doubles = new double[n];
        boolean[] nulls = new boolean[n];
        int added = 0;
        int removed = 0;
        for (int i = 0; i < n; i++) {
            int s = frameStart[i];
            int e = frameEnd[i];
            if (s < removed || e < added) {
                // not monotonic (never expected): start over
                java.util.Arrays.fill(counts, 0);
                distinct = 0;
                high = 0;
                low = 0;
                doubleSum = 0;
                bigSum = BigInteger.ZERO;
                added = s;
                removed = s;
            }
            for (; removed < Math.min(s, added); removed++) {
                if (valid[removed] && --counts[ids[removed]] == 0) {
                    distinct--;
                    if (summing) {
                        int row = order[removed];
                        if (floating) {
                            doubleSum -= WindowFunctionComputer.doubleValue(data, type, row);
                        }
                        else if (big) {
                            bigSum = bigSum.subtract(DecimalMath.toBigInteger(data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * row + 1),
                                    data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * row)));
                        }
                        else {
                            long value = WindowFunctionComputer.longValue(data, type, row);
                            long difference = low - value;
                            high -= (Long.compareUnsigned(low, value) < 0 ? 1 : 0) + (value >> 63);
                            low = difference;
                        }
                    }
                }
            }
            if (added < s) {
                // rows between the previous frame and this one were never added
                added = s;
                removed = s;
            }
            for (; added < e; added++) {
                if (valid[added] && counts[ids[added]]++ == 0) {
                    distinct++;
                    if (summing) {
                        int row = order[added];
                        if (floating) {
                            doubleSum += WindowFunctionComputer.doubleValue(data, type, row);
                        }
                        else if (big) {
                            bigSum = bigSum.add(DecimalMath.toBigInteger(data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * row + 1),
                                    data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * row)));
                        }
                        else {
                            long value = WindowFunctionComputer.longValue(data, type, row);
                            long sum = low + value;
                            high += (Long.compareUnsigned(sum, low) < 0 ? 1 : 0) + (value >> 63);
                            low = sum;
                        }
                    }
                }
            }
            counted[i] = distinct;
            if (!summing) {
                continue;
            }
            if (distinct == 0) {
                nulls[i] = true;
                continue;
            }
            boolean average = function == AggregateFunction.AVG;
            if (floating) {
                doubles[i] = average ? doubleSum / distinct : doubleSum;
            }
            else if (big) {
                if (average) {
                    doubles[i] = new BigDecimal(bigSum, scale).divide(BigDecimal.valueOf(distinct), MathContext.DECIMAL128).doubleValue();
                }
                else {
                    long[] words = new long[2];
                    if (!DecimalMath.fromBigInteger(bigSum, words)) {
                        throw DecimalMath.outOfRange("SUM");
                    }
                    resultHigh[i] = words[0];
                    resultLow[i] = words[1];
                }
            }
            else if (average) {
                doubles[i] = WindowFunctionComputer.average(high, low, distinct, scale);
            }
            else {
                resultHigh[i] = high;
                resultLow[i] = low;
            }
        }
        if (!summing) {
            return new WindowResult.Longs(counted, null);
        }
        if (function == AggregateFunction.AVG || floating) {
            return new WindowResult.Doubles(doubles, nulls);
        }
        return new WindowResult.Decimals(resultHigh, resultLow, nulls);
    }
}

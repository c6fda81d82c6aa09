package dev.basalt.execution.aggregate;

import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Exact SUM (into a DECIMAL, e.g. SUM(BIGINT) = DECIMAL(38,0), SUM(DECIMAL(p,s)) = DECIMAL(38,s)) and AVG (into
 * DOUBLE) of integers and decimals. Each group keeps a 128-bit sum as two longs; a result outside the result
 * precision raises 22003.
 */
public final class DecimalSumAccumulator
        extends Accumulator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final boolean average;
    private final int width;
    private final boolean wide;
    private final int scale;
    private long[] high = new long[0];
    private long[] low = new long[0];
    private long[] counts = new long[0];
    private final long[] scratch = new long[2];

    public DecimalSumAccumulator(boolean average, DataType inputType, DataType resultType)
    {
        super(resultType);
        this.average = average;
        this.width = Vectors.width(inputType);
        this.wide = width == 16;
        this.scale = inputType instanceof DecimalType decimal ? decimal.scale() : 0;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (low.length < groupCount) {
            int capacity = Math.max(groupCount, 2 * low.length);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    private static BasaltException overflow()
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range in SUM");
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        if (wide) {
            addWide(data, validity, rows, count, groupIds);
        }
        else if (width == 8 && validity == null) {
            if (rows == null) {
                addLongsDense(data, count, groupIds);
            }
            else {
                addLongsSelected(data, rows, count, groupIds);
            }
        }
        else {
            addNarrow(data, validity, rows, count, groupIds);
        }
    }

    /** The hot path: short decimals / BIGINT without NULLs. */
    private void addLongsDense(MemorySegment data, int count, int[] groupIds)
    {
        long[] high = this.high;
        long[] low = this.low;
        long[] counts = this.counts;
        for (int i = 0; i < count; i++) {
            long value = data.getAtIndex(LONG, i);
            int g = groupIds[i];
            long oldLow = low[g];
            long newLow = oldLow + value;
            high[g] += (value >> 63) + (Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0);
            low[g] = newLow;
            counts[g]++;
        }
    }

    private void addLongsSelected(MemorySegment data, int[] rows, int count, int[] groupIds)
    {
        long[] high = this.high;
        long[] low = this.low;
        long[] counts = this.counts;
        for (int i = 0; i < count; i++) {
            long value = data.getAtIndex(LONG, rows[i]);
            int g = groupIds[i];
            long oldLow = low[g];
            long newLow = oldLow + value;
            high[g] += (value >> 63) + (Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0);
            low[g] = newLow;
            counts[g]++;
        }
    }

    private void addNarrow(MemorySegment data, MemorySegment validity, int[] rows, int count, int[] groupIds)
    {
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(validity, p)) {
                continue;
            }
            long value = Vectors.getIntegral(data, width, p);
            int g = groupIds[i];
            long oldLow = low[g];
            long newLow = oldLow + value;
            high[g] += (value >> 63) + (Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0);
            low[g] = newLow;
            counts[g]++;
        }
    }

    private void addWide(MemorySegment data, MemorySegment validity, int[] rows, int count, int[] groupIds)
    {
        long[] high = this.high;
        long[] low = this.low;
        long[] counts = this.counts;
        boolean overflow = false;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (validity != null && !Bitmaps.get(validity, p)) {
                continue;
            }
            long valueLow = data.getAtIndex(LONG, 2L * p);
            long valueHigh = data.getAtIndex(LONG, 2L * p + 1);
            int g = groupIds[i];
            long oldLow = low[g];
            long oldHigh = high[g];
            long newLow = oldLow + valueLow;
            long newHigh = oldHigh + valueHigh + (Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0);
            overflow |= ((oldHigh ^ newHigh) & (valueHigh ^ newHigh)) < 0;
            low[g] = newLow;
            high[g] = newHigh;
            counts[g]++;
        }
        if (overflow) {
            throw overflow();
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (width != 8 && !wide) {
            super.addToGroup(input, rows, count, group);
            return;
        }
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        scratch[0] = high[group];
        scratch[1] = low[group];
        if (wide) {
            if (Kernels.get().sumInt128(data, validity, rows, count, scratch)) {
                throw overflow();
            }
        }
        else {
            Kernels.get().sumLong(data, validity, rows, count, scratch);
        }
        high[group] = scratch[0];
        low[group] = scratch[1];
        counts[group] += Kernels.get().countPresent(validity, rows, count);
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        DataType type = resultType();
        for (int i = 0; i < count; i++) {
            int g = from + i;
            long n = counts[g];
            Bitmaps.set(validity, i, n > 0);
            if (n == 0) {
                continue;
            }
            if (average) {
                BigDecimal sum = new BigDecimal(DecimalMath.toBigInteger(high[g], low[g]), scale);
                data.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue());
                continue;
            }
            DecimalType decimal = (DecimalType) type;
            long h = high[g];
            long l = low[g];
            if (decimal.scale() != scale) {
                if (!DecimalMath.scaleUp(h, l, decimal.scale() - scale, scratch)) {
                    throw overflow();
                }
                h = scratch[0];
                l = scratch[1];
            }
            if (!DecimalMath.fits(h, l, decimal.precision())) {
                throw overflow();
            }
            if (decimal.isShort()) {
                data.setAtIndex(LONG, i, l);
            }
            else {
                data.setAtIndex(LONG, 2L * i, l);
                data.setAtIndex(LONG, 2L * i + 1, h);
            }
        }
    }

    @Override
    public boolean mergeable()
    {
        return true;
    }

    @Override
    public void merge(Accumulator other, int[] targets, int count)
    {
        DecimalSumAccumulator source = (DecimalSumAccumulator) other;
        boolean overflow = false;
        for (int i = 0; i < count; i++) {
            int g = targets[i];
            long oldLow = low[g];
            long oldHigh = high[g];
            long addHigh = source.high[i];
            long newLow = oldLow + source.low[i];
            long newHigh = oldHigh + addHigh + (Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0);
            overflow |= ((oldHigh ^ newHigh) & (addHigh ^ newHigh)) < 0;
            low[g] = newLow;
            high[g] = newHigh;
            counts[g] += source.counts[i];
        }
        if (overflow) {
            throw overflow();
        }
    }

    @Override
    public long bytes()
    {
        return 24L * low.length;
    }
}

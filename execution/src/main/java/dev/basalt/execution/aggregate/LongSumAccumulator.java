package dev.basalt.execution.aggregate;

import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** SUM of SMALLINT / INTEGER into BIGINT; overflow of the BIGINT result raises 22003. */
public final class LongSumAccumulator
        extends Accumulator
{
    private final int width;
    private long[] sums = new long[0];
    private long[] counts = new long[0];

    public LongSumAccumulator(DataType inputType, DataType resultType)
    {
        super(resultType);
        this.width = Vectors.width(inputType);
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (sums.length < groupCount) {
            int capacity = Math.max(groupCount, 2 * sums.length);
            sums = Arrays.copyOf(sums, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    private static BasaltException overflow()
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range in SUM");
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        try {
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                if (!Bitmaps.isSet(validity, p)) {
                    continue;
                }
                long value = width == 4 ? data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p) : data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p);
                int g = groupIds[i];
                sums[g] = Math.addExact(sums[g], value);
                counts[g]++;
            }
        }
        catch (ArithmeticException e) {
            throw overflow();
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (width != 4) {
            super.addToGroup(input, rows, count, group);
            return;
        }
        MemorySegment validity = Vectors.validity(input);
        long sum = Kernels.get().sumInt(Vectors.data(input), validity, rows, count);
        try {
            sums[group] = Math.addExact(sums[group], sum);
        }
        catch (ArithmeticException e) {
            throw overflow();
        }
        counts[group] += Kernels.get().countPresent(validity, rows, count);
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        for (int i = 0; i < count; i++) {
            data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, sums[from + i]);
            Bitmaps.set(validity, i, counts[from + i] > 0);
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
        LongSumAccumulator source = (LongSumAccumulator) other;
        try {
            for (int i = 0; i < count; i++) {
                int g = targets[i];
                sums[g] = Math.addExact(sums[g], source.sums[i]);
                counts[g] += source.counts[i];
            }
        }
        catch (ArithmeticException e) {
            throw overflow();
        }
    }

    @Override
    public long bytes()
    {
        return 16L * sums.length;
    }
}

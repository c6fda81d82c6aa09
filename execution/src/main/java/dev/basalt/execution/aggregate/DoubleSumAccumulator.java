package dev.basalt.execution.aggregate;

import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** SUM and AVG of REAL / DOUBLE, in double precision. */
public final class DoubleSumAccumulator
        extends Accumulator
{
    private final boolean average;
    private final boolean real;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    public DoubleSumAccumulator(boolean average, DataType inputType, DataType resultType)
    {
        super(resultType);
        this.average = average;
        this.real = !(inputType instanceof DoubleType);
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

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(validity, p)) {
                continue;
            }
            int g = groupIds[i];
            sums[g] += real ? data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p) : data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p);
            counts[g]++;
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (real) {
            super.addToGroup(input, rows, count, group);
            return;
        }
        MemorySegment validity = Vectors.validity(input);
        sums[group] += Kernels.get().sumDouble(Vectors.data(input), validity, rows, count);
        counts[group] += Kernels.get().countPresent(validity, rows, count);
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        for (int i = 0; i < count; i++) {
            long n = counts[from + i];
            double sum = sums[from + i];
            data.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, average && n > 0 ? sum / n : sum);
            Bitmaps.set(validity, i, n > 0);
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
        DoubleSumAccumulator source = (DoubleSumAccumulator) other;
        for (int i = 0; i < count; i++) {
            sums[targets[i]] += source.sums[i];
            counts[targets[i]] += source.counts[i];
        }
    }

    @Override
    public long bytes()
    {
        return 16L * sums.length;
    }
}

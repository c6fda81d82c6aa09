package dev.basalt.execution.aggregate;

import dev.basalt.execution.kernels.KernelProvider;
import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * MIN / MAX of integer-like types (BOOLEAN, SMALLINT, INTEGER, DATE, BIGINT, TIMESTAMP, short DECIMAL), kept as
 * longs; the global case uses the min/max kernels.
 */
public final class LongMinMaxAccumulator
        extends Accumulator
{
    private final boolean max;
    private final int width;
    private long[] values = new long[0];
    private boolean[] present = new boolean[0];

    public LongMinMaxAccumulator(boolean max, DataType type)
    {
        super(type);
        this.max = max;
        this.width = Vectors.width(type);
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (values.length < groupCount) {
            int old = values.length;
            int capacity = Math.max(groupCount, 2 * old);
            values = Arrays.copyOf(values, capacity);
            present = Arrays.copyOf(present, capacity);
            Arrays.fill(values, old, capacity, max ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
    }

    private long read(MemorySegment data, int position)
    {
        if (width == Vectors.BIT) {
            return Bitmaps.get(data, position) ? 1 : 0;
        }
        return Vectors.getIntegral(data, width, position);
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
            long value = read(data, p);
            values[g] = max ? Math.max(values[g], value) : Math.min(values[g], value);
            present[g] = true;
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (width != 8 && width != 4) {
            super.addToGroup(input, rows, count, group);
            return;
        }
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        KernelProvider kernels = Kernels.get();
        if (kernels.countPresent(validity, rows, count) == 0) {
            return;
        }
        long value = width == 8
                ? (max ? kernels.maxLong(data, validity, rows, count) : kernels.minLong(data, validity, rows, count))
                : (max ? kernels.maxInt(data, validity, rows, count) : kernels.minInt(data, validity, rows, count));
        values[group] = max ? Math.max(values[group], value) : Math.min(values[group], value);
        present[group] = true;
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        for (int i = 0; i < count; i++) {
            long value = values[from + i];
            Bitmaps.set(validity, i, present[from + i]);
            if (width == Vectors.BIT) {
                Bitmaps.set(data, i, value != 0);
            }
            else {
                Vectors.setIntegral(data, width, i, value);
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
        LongMinMaxAccumulator source = (LongMinMaxAccumulator) other;
        for (int i = 0; i < count; i++) {
            if (source.present[i]) {
                int g = targets[i];
                long value = source.values[i];
                values[g] = !present[g] ? value : max ? Math.max(values[g], value) : Math.min(values[g], value);
                present[g] = true;
            }
        }
    }

    @Override
    public long bytes()
    {
        return 9L * values.length;
    }
}

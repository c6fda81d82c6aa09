package dev.basalt.execution.aggregate;

import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.NullType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** COUNT(*) (input null) and COUNT(x) (non-NULL values). */
public final class CountAccumulator
        extends Accumulator
{
    private final boolean star;
    private final boolean alwaysNull;
    private long[] counts = new long[0];

    public CountAccumulator(boolean star, DataType inputType, DataType resultType)
    {
        super(resultType);
        this.star = star;
        this.alwaysNull = !star && inputType instanceof NullType;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            counts = Arrays.copyOf(counts, Math.max(groupCount, 2 * counts.length));
        }
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        if (alwaysNull) {
            return;
        }
        MemorySegment validity = star ? null : Vectors.validity(input);
        if (validity == null) {
            for (int i = 0; i < count; i++) {
                counts[groupIds[i]]++;
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            counts[groupIds[i]] += Bitmaps.get(validity, p) ? 1 : 0;
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (alwaysNull) {
            return;
        }
        counts[group] += star ? count : Kernels.get().countPresent(Vectors.validity(input), rows, count);
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        Vectors.setAllValid(output, count);
        MemorySegment data = Vectors.data(output);
        for (int i = 0; i < count; i++) {
            data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, counts[from + i]);
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
        long[] source = ((CountAccumulator) other).counts;
        for (int i = 0; i < count; i++) {
            counts[targets[i]] += source[i];
        }
    }

    @Override
    public long bytes()
    {
        return 8L * counts.length;
    }
}

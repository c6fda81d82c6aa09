package dev.basalt.execution.aggregate;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** MIN / MAX of 128-bit DECIMALs. */
public final class DecimalMinMaxAccumulator
        extends Accumulator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final boolean max;
    private long[] high = new long[0];
    private long[] low = new long[0];
    private boolean[] present = new boolean[0];

    public DecimalMinMaxAccumulator(boolean max, DataType type)
    {
        super(type);
        this.max = max;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (low.length < groupCount) {
            int capacity = Math.max(groupCount, 2 * low.length);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            present = Arrays.copyOf(present, capacity);
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
            long valueLow = data.getAtIndex(LONG, 2L * p);
            long valueHigh = data.getAtIndex(LONG, 2L * p + 1);
            int c = present[g] ? DecimalMath.compare(valueHigh, valueLow, high[g], low[g]) : (max ? 1 : -1);
            if (max ? c > 0 : c < 0) {
                high[g] = valueHigh;
                low[g] = valueLow;
                present[g] = true;
            }
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        for (int i = 0; i < count; i++) {
            Bitmaps.set(validity, i, present[from + i]);
            data.setAtIndex(LONG, 2L * i, low[from + i]);
            data.setAtIndex(LONG, 2L * i + 1, high[from + i]);
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
        DecimalMinMaxAccumulator source = (DecimalMinMaxAccumulator) other;
        for (int i = 0; i < count; i++) {
            if (!source.present[i]) {
                continue;
            }
            int g = targets[i];
            int c = present[g] ? DecimalMath.compare(source.high[i], source.low[i], high[g], low[g]) : (max ? 1 : -1);
            if (max ? c > 0 : c < 0) {
                high[g] = source.high[i];
                low[g] = source.low[i];
                present[g] = true;
            }
        }
    }

    @Override
    public long bytes()
    {
        return 17L * low.length;
    }
}

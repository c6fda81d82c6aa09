package dev.basalt.execution.aggregate;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/** BIT_AND / BIT_OR / BIT_XOR of SMALLINT, INTEGER or BIGINT, kept as longs; the result has the input type. */
public final class BitAccumulator
        extends Accumulator
{
    private final AggregateFunction function;
    private final int width;
    private long[] values = new long[0];
    private boolean[] present = new boolean[0];

    public BitAccumulator(AggregateFunction function, DataType type)
    {
        super(type);
        if (function != AggregateFunction.BIT_AND && function != AggregateFunction.BIT_OR && function != AggregateFunction.BIT_XOR) {
            throw new IllegalArgumentException("not a bit aggregate: " + function);
        }
        this.function = function;
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
            if (function == AggregateFunction.BIT_AND) {
                Arrays.fill(values, old, capacity, -1L);
            }
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
            long value = Vectors.getIntegral(data, width, p);
            int g = groupIds[i];
            values[g] = combine(values[g], value);
            present[g] = true;
        }
    }

    private long combine(long state, long value)
    {
        return switch (function) {
            case BIT_AND -> state & value;
            case BIT_OR -> state | value;
            default -> state ^ value;
        };
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        for (int i = 0; i < count; i++) {
            long value = present[from + i] ? values[from + i] : 0;
            Bitmaps.set(validity, i, present[from + i]);
            Vectors.setIntegral(data, width, i, value);
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
        BitAccumulator source = (BitAccumulator) other;
        for (int i = 0; i < count; i++) {
            if (source.present[i]) {
                int g = targets[i];
                values[g] = combine(values[g], source.values[i]);
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

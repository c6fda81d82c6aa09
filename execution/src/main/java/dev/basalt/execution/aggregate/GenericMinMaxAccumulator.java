package dev.basalt.execution.aggregate;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;

/** MIN / MAX of types without a specialized accumulator (INTERVAL): canonical objects compared as Comparables. */
public final class GenericMinMaxAccumulator
        extends Accumulator
{
    private final boolean max;
    private Object[] values = new Object[0];

    public GenericMinMaxAccumulator(boolean max, DataType type)
    {
        super(type);
        this.max = max;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (values.length < groupCount) {
            values = Arrays.copyOf(values, Math.max(groupCount, 2 * values.length));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            Object value = Values.read(input, resultType(), p);
            if (value == null) {
                continue;
            }
            int g = groupIds[i];
            Object current = values[g];
            if (current == null || (max ? ((Comparable<Object>) value).compareTo(current) > 0 : ((Comparable<Object>) value).compareTo(current) < 0)) {
                values[g] = value;
            }
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        output.allocateNew();
        for (int i = 0; i < count; i++) {
            Values.write(output, resultType(), i, values[from + i]);
        }
        output.setValueCount(count);
    }

    @Override
    public boolean mergeable()
    {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void merge(Accumulator other, int[] targets, int count)
    {
        Object[] source = ((GenericMinMaxAccumulator) other).values;
        for (int i = 0; i < count; i++) {
            Object value = source[i];
            if (value == null) {
                continue;
            }
            int g = targets[i];
            Object current = values[g];
            if (current == null || (max ? ((Comparable<Object>) value).compareTo(current) > 0 : ((Comparable<Object>) value).compareTo(current) < 0)) {
                values[g] = value;
            }
        }
    }

    @Override
    public long bytes()
    {
        return 48L * values.length;
    }
}

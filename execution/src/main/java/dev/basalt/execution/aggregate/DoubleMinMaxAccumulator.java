package dev.basalt.execution.aggregate;

import dev.basalt.execution.kernels.KernelProvider;
import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** MIN / MAX of REAL and DOUBLE (Math.min/max semantics). */
public final class DoubleMinMaxAccumulator
        extends Accumulator
{
    private final boolean max;
    private final boolean real;
    private double[] values = new double[0];
    private boolean[] present = new boolean[0];

    public DoubleMinMaxAccumulator(boolean max, DataType type)
    {
        super(type);
        this.max = max;
        this.real = !(type instanceof DoubleType);
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (values.length < groupCount) {
            int old = values.length;
            int capacity = Math.max(groupCount, 2 * old);
            values = Arrays.copyOf(values, capacity);
            present = Arrays.copyOf(present, capacity);
            Arrays.fill(values, old, capacity, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
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
            double value = real ? data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p) : data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p);
            values[g] = max ? Math.max(values[g], value) : Math.min(values[g], value);
            present[g] = true;
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (real) {
            super.addToGroup(input, rows, count, group);
            return;
        }
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        KernelProvider kernels = Kernels.get();
        if (kernels.countPresent(validity, rows, count) == 0) {
            return;
        }
        double value = max ? kernels.maxDouble(data, validity, rows, count) : kernels.minDouble(data, validity, rows, count);
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
            Bitmaps.set(validity, i, present[from + i]);
            if (real) {
                data.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i, (float) values[from + i]);
            }
            else {
                data.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, values[from + i]);
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
        DoubleMinMaxAccumulator source = (DoubleMinMaxAccumulator) other;
        for (int i = 0; i < count; i++) {
            if (source.present[i]) {
                int g = targets[i];
                double value = source.values[i];
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

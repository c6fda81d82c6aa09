package dev.basalt.execution.aggregate;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.BaseVariableWidthVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** MIN / MAX of VARCHAR (byte order = code point order); one byte array per group holds the current extreme. */
public final class VarcharMinMaxAccumulator
        extends Accumulator
{
    private final boolean max;
    private byte[][] values = new byte[0][];
    private long bytes;

    public VarcharMinMaxAccumulator(boolean max, DataType type)
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
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        MemorySegment data = Vectors.data(input);
        MemorySegment offsets = Vectors.offsets(input);
        MemorySegment validity = Vectors.validity(input);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(validity, p)) {
                continue;
            }
            int g = groupIds[i];
            int start = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p);
            int length = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p + 1) - start;
            byte[] current = values[g];
            if (current != null) {
                int c = Utf8.compare(data, start, length, MemorySegment.ofArray(current), 0, current.length);
                if (max ? c <= 0 : c >= 0) {
                    continue;
                }
                bytes -= current.length;
            }
            byte[] copy = new byte[length];
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, copy, 0, length);
            values[g] = copy;
            bytes += length;
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        BaseVariableWidthVector varchar = (BaseVariableWidthVector) output;
        varchar.allocateNew(Math.max(64, count * 16L), count);
        for (int i = 0; i < count; i++) {
            byte[] value = values[from + i];
            if (value == null) {
                varchar.setNull(i);
            }
            else {
                varchar.setSafe(i, value);
            }
        }
        varchar.setValueCount(count);
    }

    @Override
    public boolean mergeable()
    {
        return true;
    }

    @Override
    public void merge(Accumulator other, int[] targets, int count)
    {
        VarcharMinMaxAccumulator source = (VarcharMinMaxAccumulator) other;
        for (int i = 0; i < count; i++) {
            byte[] value = source.values[i];
            if (value == null) {
                continue;
            }
            int g = targets[i];
            byte[] current = values[g];
            if (current != null) {
                int c = Utf8.compare(MemorySegment.ofArray(value), 0, value.length, MemorySegment.ofArray(current), 0, current.length);
                if (max ? c <= 0 : c >= 0) {
                    continue;
                }
                bytes -= current.length;
            }
            values[g] = value;
            bytes += value.length;
        }
    }

    @Override
    public long bytes()
    {
        return 16L * values.length + bytes;
    }
}

package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** A per-batch view of a VARCHAR vector's buffers, or of a constant string. */
final class VarcharInput
{
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    final MemorySegment data;
    private final MemorySegment offsets;
    private final MemorySegment validity;
    private final int constantLength;

    private VarcharInput(MemorySegment data, MemorySegment offsets, MemorySegment validity, int constantLength)
    {
        this.data = data;
        this.offsets = offsets;
        this.validity = validity;
        this.constantLength = constantLength;
    }

    static VarcharInput of(FieldVector vector)
    {
        return new VarcharInput(Vectors.data(vector), Vectors.offsets(vector), Vectors.validity(vector), -1);
    }

    static VarcharInput constant(byte[] bytes)
    {
        return new VarcharInput(MemorySegment.ofArray(bytes), null, null, bytes.length);
    }

    boolean isNull(int position)
    {
        return !Bitmaps.isSet(validity, position);
    }

    int start(int position)
    {
        return offsets == null ? 0 : offsets.getAtIndex(INT, position);
    }

    int length(int position)
    {
        return offsets == null ? constantLength : offsets.getAtIndex(INT, position + 1) - offsets.getAtIndex(INT, position);
    }

    byte[] bytes(int position)
    {
        int start = start(position);
        byte[] bytes = new byte[length(position)];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, bytes, 0, bytes.length);
        return bytes;
    }

    String string(int position)
    {
        return new String(bytes(position), StandardCharsets.UTF_8);
    }
}

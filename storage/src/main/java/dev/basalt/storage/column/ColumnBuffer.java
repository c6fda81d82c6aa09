package dev.basalt.storage.column;

import dev.basalt.spi.batch.SelectionVector;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The values of one column of a row group being written, on the heap, before encoding. Integer-like and
 * floating kinds hold one long per row (floats as their raw bits, sign-extended), INT128/INTERVAL two longs
 * per row (low word first, as in Arrow), VARCHAR a byte array with int offsets. Null rows have value 0 / an
 * empty string; a bitmap (bit set = null) records them.
 */
public final class ColumnBuffer
{
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final PhysicalKind kind;
    private int size;
    private int nullCount;
    private long[] nullBits;
    private long[] values;
    private byte[] bytes;
    private int byteSize;
    private int[] offsets;
    /** Reused for bulk copies out of Arrow buffers (per-element segment reads are slower). */
    private int[] intScratch = new int[0];
    private short[] shortScratch = new short[0];

    public ColumnBuffer(PhysicalKind kind, int initialCapacity)
    {
        this.kind = requireNonNull(kind, "kind is null");
        int capacity = Math.max(8, initialCapacity);
        this.nullBits = new long[(capacity + 63) >>> 6];
        if (kind.isLongBacked()) {
            values = new long[capacity];
        }
        else if (kind.isWide()) {
            values = new long[capacity * 2];
        }
        else if (kind == PhysicalKind.VARBINARY) {
            offsets = new int[capacity + 1];
            bytes = new byte[capacity * 16];
        }
    }

    public PhysicalKind kind()
    {
        return kind;
    }

    public int size()
    {
        return size;
    }

    public int nullCount()
    {
        return nullCount;
    }

    /** Bit i set when row i is null; valid words cover [0, size). */
    public long[] nullBits()
    {
        return nullBits;
    }

    public boolean isNull(int row)
    {
        return (nullBits[row >>> 6] & (1L << row)) != 0;
    }

    /** One long per row (two for wide kinds); valid entries cover [0, size). */
    public long[] values()
    {
        return values;
    }

    /** VARBINARY data bytes; valid range [0, byteSize()). */
    public byte[] bytes()
    {
        return bytes;
    }

    public int byteSize()
    {
        return byteSize;
    }

    /** VARBINARY offsets; row i is bytes [offsets[i], offsets[i+1]). */
    public int[] offsets()
    {
        return offsets;
    }

    public void clear()
    {
        Arrays.fill(nullBits, 0, Math.min(nullBits.length, (size + 63) >>> 6), 0L);
        size = 0;
        nullCount = 0;
        byteSize = 0;
    }

    private void ensureRows(int extra)
    {
        int needed = size + extra;
        if (needed < 0) {
            throw new IllegalStateException("column buffer overflow");
        }
        int words = (needed + 63) >>> 6;
        if (words > nullBits.length) {
            nullBits = Arrays.copyOf(nullBits, Math.max(words, nullBits.length * 2));
        }
        if (values != null) {
            int perRow = kind.isWide() ? 2 : 1;
            if ((long) needed * perRow > values.length) {
                values = Arrays.copyOf(values, (int) Math.max((long) needed * perRow, Math.min(Integer.MAX_VALUE - 16, (long) values.length * 2)));
            }
        }
        if (offsets != null && needed + 1 > offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(needed + 1, offsets.length * 2));
        }
    }

    private void ensureBytes(int extra)
    {
        long needed = (long) byteSize + extra;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("string column of one row group exceeds 2 GB");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, (long) bytes.length * 2)));
        }
    }

    private void markNull(int row)
    {
        nullBits[row >>> 6] |= 1L << row;
        nullCount++;
    }

    /**
     * Appends {@code count} live rows of a vector, starting at live row {@code fromRow}: physical positions
     * come from the selection when there is one.
     */
    public void append(FieldVector vector, SelectionVector selection, int fromRow, int count)
    {
        if (count == 0) {
            return;
        }
        ensureRows(count);
        if (kind == PhysicalKind.NULL) {
            for (int i = 0; i < count; i++) {
                markNull(size + i);
            }
            size += count;
            return;
        }
        int[] positions = selection == null ? null : selection.positions();
        int physicalEnd = selection == null ? fromRow + count : positions[fromRow + count - 1] + 1;
        boolean hasNulls = vector.getNullCount() > 0;
        MemorySegment validity = hasNulls ? ArrowBuffers.segment(vector.getValidityBuffer(), (physicalEnd + 7) >>> 3) : null;
        int base = size;
        switch (kind) {
            case BOOLEAN -> {
                MemorySegment data = ArrowBuffers.segment(vector.getDataBuffer(), (physicalEnd + 7) >>> 3);
                for (int i = 0; i < count; i++) {
                    int position = positions == null ? fromRow + i : positions[fromRow + i];
                    values[base + i] = (data.get(ValueLayout.JAVA_BYTE, position >>> 3) >>> (position & 7)) & 1;
                }
            }
            case INT16 -> {
                MemorySegment data = ArrowBuffers.segment(vector.getDataBuffer(), (long) physicalEnd * 2);
                if (positions == null) {
                    short[] scratch = shorts(count);
                    MemorySegment.copy(data, SHORT, (long) fromRow << 1, scratch, 0, count);
                    for (int i = 0; i < count; i++) {
                        values[base + i] = scratch[i];
                    }
                }
                else {
                    for (int i = 0; i < count; i++) {
                        values[base + i] = data.get(SHORT, (long) positions[fromRow + i] << 1);
                    }
                }
            }
            case INT32, FLOAT32 -> {
                MemorySegment data = ArrowBuffers.segment(vector.getDataBuffer(), (long) physicalEnd * 4);
                if (positions == null) {
                    int[] scratch = ints(count);
                    MemorySegment.copy(data, INT, (long) fromRow << 2, scratch, 0, count);
                    for (int i = 0; i < count; i++) {
                        values[base + i] = scratch[i];
                    }
                }
                else {
                    for (int i = 0; i < count; i++) {
                        values[base + i] = data.get(INT, (long) positions[fromRow + i] << 2);
                    }
                }
            }
            case INT64, FLOAT64 -> {
                MemorySegment data = ArrowBuffers.segment(vector.getDataBuffer(), (long) physicalEnd * 8);
                if (positions == null) {
                    MemorySegment.copy(data, LONG, (long) fromRow << 3, values, base, count);
                }
                else {
                    for (int i = 0; i < count; i++) {
                        values[base + i] = data.get(LONG, (long) positions[fromRow + i] << 3);
                    }
                }
            }
            case INT128, INTERVAL -> {
                MemorySegment data = ArrowBuffers.segment(vector.getDataBuffer(), (long) physicalEnd * 16);
                if (positions == null) {
                    MemorySegment.copy(data, LONG, (long) fromRow << 4, values, base * 2, count * 2);
                }
                else {
                    for (int i = 0; i < count; i++) {
                        long offset = (long) positions[fromRow + i] << 4;
                        values[(base + i) * 2] = data.get(LONG, offset);
                        values[(base + i) * 2 + 1] = data.get(LONG, offset + 8);
                    }
                }
            }
            case VARBINARY -> appendVarbinary(vector, positions, fromRow, count, physicalEnd, validity);
            case NULL -> throw new IllegalStateException("unreachable");
        }
        if (hasNulls) {
            for (int i = 0; i < count; i++) {
                int position = positions == null ? fromRow + i : positions[fromRow + i];
                if (((validity.get(ValueLayout.JAVA_BYTE, position >>> 3) >>> (position & 7)) & 1) == 0) {
                    markNull(base + i);
                    if (values != null) {
                        if (kind.isWide()) {
                            values[(base + i) * 2] = 0;
                            values[(base + i) * 2 + 1] = 0;
                        }
                        else {
                            values[base + i] = 0;
                        }
                    }
                }
            }
        }
        size += count;
    }

    private void appendVarbinary(FieldVector vector, int[] positions, int fromRow, int count, int physicalEnd, MemorySegment validity)
    {
        MemorySegment vectorOffsets = ArrowBuffers.segment(vector.getOffsetBuffer(), (long) (physicalEnd + 1) * 4);
        ArrowBuf data = vector.getDataBuffer();
        if (positions == null && validity == null) {
            int[] scratch = ints(count + 1);
            MemorySegment.copy(vectorOffsets, INT, (long) fromRow << 2, scratch, 0, count + 1);
            int start = scratch[0];
            int length = scratch[count] - start;
            ensureBytes(length);
            data.getBytes(start, bytes, byteSize, length);
            int shift = byteSize - start;
            for (int i = 1; i <= count; i++) {
                offsets[size + i] = scratch[i] + shift;
            }
            byteSize += length;
            return;
        }
        for (int i = 0; i < count; i++) {
            int position = positions == null ? fromRow + i : positions[fromRow + i];
            boolean valid = validity == null || ((validity.get(ValueLayout.JAVA_BYTE, position >>> 3) >>> (position & 7)) & 1) != 0;
            if (valid) {
                int start = vectorOffsets.get(INT, (long) position << 2);
                int length = vectorOffsets.get(INT, (long) (position + 1) << 2) - start;
                ensureBytes(length);
                data.getBytes(start, bytes, byteSize, length);
                byteSize += length;
            }
            offsets[size + i + 1] = byteSize;
        }
    }

    private int[] ints(int count)
    {
        if (intScratch.length < count) {
            intScratch = new int[count];
        }
        return intScratch;
    }

    private short[] shorts(int count)
    {
        if (shortScratch.length < count) {
            shortScratch = new short[count];
        }
        return shortScratch;
    }

    /** Appends every row of another buffer of the same kind. */
    public void appendAll(ColumnBuffer other)
    {
        if (other.kind != kind) {
            throw new IllegalArgumentException("kind " + other.kind + " != " + kind);
        }
        int count = other.size;
        if (count == 0) {
            return;
        }
        ensureRows(count);
        if (values != null) {
            int perRow = kind.isWide() ? 2 : 1;
            System.arraycopy(other.values, 0, values, size * perRow, count * perRow);
        }
        if (kind == PhysicalKind.VARBINARY) {
            ensureBytes(other.byteSize);
            System.arraycopy(other.bytes, 0, bytes, byteSize, other.byteSize);
            for (int i = 1; i <= count; i++) {
                offsets[size + i] = other.offsets[i] + byteSize;
            }
            byteSize += other.byteSize;
        }
        if (other.nullCount > 0) {
            for (int i = 0; i < count; i++) {
                if (other.isNull(i)) {
                    markNull(size + i);
                }
            }
        }
        size += count;
    }
}

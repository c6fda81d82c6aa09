package dev.basalt.storage.codec;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;

/**
 * CONSTANT: every non-null row holds the same value. Values section: {@code [i64 value]} for long-backed kinds
 * (floats as raw bits, BOOLEAN as 0/1), {@code [i32 length][bytes]} for VARCHAR. Nulls are in the validity bitmap.
 */
public final class ConstantEncoding
{
    private ConstantEncoding() {}

    public static boolean appliesTo(PhysicalKind kind)
    {
        return kind.isLongBacked() || kind == PhysicalKind.VARBINARY;
    }

    /** Row of the first non-null value, or -1 when every row is null. */
    private static int firstNonNull(ColumnBuffer buffer)
    {
        int rows = buffer.size();
        for (int i = 0; i < rows; i++) {
            if (!buffer.isNull(i)) {
                return i;
            }
        }
        return -1;
    }

    /** True when every non-null row holds the same value (and at least one row is non-null). */
    public static boolean isConstant(ColumnBuffer buffer)
    {
        PhysicalKind kind = buffer.kind();
        int first = firstNonNull(buffer);
        if (first < 0 || !appliesTo(kind)) {
            return false;
        }
        int rows = buffer.size();
        boolean hasNulls = buffer.nullCount() > 0;
        if (kind == PhysicalKind.VARBINARY) {
            byte[] bytes = buffer.bytes();
            int[] offsets = buffer.offsets();
            int from = offsets[first];
            int to = offsets[first + 1];
            for (int i = first + 1; i < rows; i++) {
                if (!(hasNulls && buffer.isNull(i)) && !Arrays.equals(bytes, offsets[i], offsets[i + 1], bytes, from, to)) {
                    return false;
                }
            }
            return true;
        }
        long[] values = buffer.values();
        long value = values[first];
        for (int i = first + 1; i < rows; i++) {
            if (values[i] != value && !(hasNulls && buffer.isNull(i))) {
                return false;
            }
        }
        return true;
    }

    public static long size(ColumnBuffer buffer)
    {
        if (buffer.kind() == PhysicalKind.VARBINARY) {
            int first = firstNonNull(buffer);
            return 4L + buffer.offsets()[first + 1] - buffer.offsets()[first];
        }
        return 8;
    }

    public static void encode(ColumnBuffer buffer, ByteSink out)
    {
        int first = firstNonNull(buffer);
        if (buffer.kind() == PhysicalKind.VARBINARY) {
            int[] offsets = buffer.offsets();
            out.writeInt(offsets[first + 1] - offsets[first]);
            out.writeBytes(buffer.bytes(), offsets[first], offsets[first + 1] - offsets[first]);
        }
        else {
            out.writeLong(buffer.values()[first]);
        }
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        ByteSource source = new ByteSource(payload, offset, length);
        if (kind == PhysicalKind.VARBINARY) {
            int size = source.readCount(length);
            byte[] value = source.readBytes(size);
            PlainEncoding.requireLength(source.remaining(), 0);
            return new StringDecoder(value);
        }
        if (!kind.isLongBacked()) {
            throw new CorruptedDataException("constant encoding on a " + kind + " chunk");
        }
        long value = source.readLong();
        PlainEncoding.requireLength(source.remaining(), 0);
        return new FixedDecoder(kind, value);
    }

    private static final class FixedDecoder implements ValuesDecoder
    {
        private final LongValues writer;
        private final long value;
        private long[] values = new long[0];

        FixedDecoder(PhysicalKind kind, long value)
        {
            this.writer = new LongValues(kind);
            this.value = value;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (values.length < count) {
                values = new long[count];
                Arrays.fill(values, value);
            }
            writer.write(values, count, vector);
        }
    }

    /** Repeats the value into a heap buffer once (grown as needed), then one copy per batch. */
    private static final class StringDecoder implements ValuesDecoder, StringCodes
    {
        private final byte[] value;
        private byte[] repeated = new byte[0];
        private int[] offsets = new int[0];

        StringDecoder(byte[] value)
        {
            this.value = value;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            int length = value.length;
            long total = (long) length * count;
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("batch of strings exceeds 2 GB");
            }
            if (offsets.length < count + 1) {
                offsets = new int[count + 1];
                for (int i = 0; i <= count; i++) {
                    offsets[i] = i * length;
                }
                repeated = new byte[(int) total];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(value, 0, repeated, i * length, length);
                }
            }
            BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
            target.allocateNew(Math.max(total, 1), count);
            target.getDataBuffer().setBytes(0, repeated, 0, total);
            java.lang.foreign.MemorySegment.copy(offsets, 0,
                    dev.basalt.storage.column.ArrowBuffers.segment(target.getOffsetBuffer(), (count + 1L) * 4),
                    java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0, count + 1);
        }

        @Override
        public int entryCount()
        {
            return 1;
        }

        @Override
        public byte[] entry(int index)
        {
            if (index != 0) {
                throw new IndexOutOfBoundsException(index);
            }
            return value.clone();
        }

        @Override
        public void codes(int start, int count, int[] target)
        {
            Arrays.fill(target, 0, count, 0);
        }
    }
}

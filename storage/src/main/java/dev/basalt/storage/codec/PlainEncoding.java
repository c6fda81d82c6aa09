package dev.basalt.storage.codec;

import dev.basalt.storage.column.ArrowBuffers;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * PLAIN: values exactly as Arrow holds them, so decoding is a memcpy. BOOLEAN is a bitmap. VARCHAR is
 * {@code [i32 min length][u8 bits][bit-packed (length - min) per row][all bytes]}.
 */
public final class PlainEncoding
{
    static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private PlainEncoding() {}

    /** Exact encoded size of the values section. */
    public static long size(ColumnBuffer buffer)
    {
        long rows = buffer.size();
        PhysicalKind kind = buffer.kind();
        return switch (kind) {
            case BOOLEAN -> (rows + 7) >>> 3;
            case INT16, INT32, INT64, FLOAT32, FLOAT64, INT128, INTERVAL -> rows * kind.width();
            case VARBINARY -> {
                long[] range = lengthRange(buffer);
                yield 5 + BitPacking.packedSize(buffer.size(), BitPacking.bitsFor(range[1] - range[0])) + buffer.byteSize();
            }
            case NULL -> 0;
        };
    }

    private static long[] lengthRange(ColumnBuffer buffer)
    {
        int[] offsets = buffer.offsets();
        int rows = buffer.size();
        long min = rows == 0 ? 0 : Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < rows; i++) {
            int length = offsets[i + 1] - offsets[i];
            min = Math.min(min, length);
            max = Math.max(max, length);
        }
        return new long[] {min, max};
    }

    public static void encode(ColumnBuffer buffer, ByteSink out)
    {
        int rows = buffer.size();
        long[] values = buffer.values();
        switch (buffer.kind()) {
            case BOOLEAN -> {
                int start = out.reserve((rows + 7) >>> 3);
                byte[] target = out.array();
                for (int i = 0; i < rows; i++) {
                    target[start + (i >>> 3)] |= (byte) ((values[i] & 1) << (i & 7));
                }
            }
            case INT16 -> {
                int start = out.reserve(rows * 2);
                byte[] target = out.array();
                for (int i = 0; i < rows; i++) {
                    LittleEndian.putShort(target, start + i * 2, (short) values[i]);
                }
            }
            case INT32, FLOAT32 -> {
                int start = out.reserve(rows * 4);
                byte[] target = out.array();
                for (int i = 0; i < rows; i++) {
                    LittleEndian.putInt(target, start + i * 4, (int) values[i]);
                }
            }
            case INT64, FLOAT64 -> {
                int start = out.reserve(rows * 8);
                MemorySegment.copy(values, 0, MemorySegment.ofArray(out.array()), LONG_LE, start, rows);
            }
            case INT128, INTERVAL -> {
                int start = out.reserve(rows * 16);
                MemorySegment.copy(values, 0, MemorySegment.ofArray(out.array()), LONG_LE, start, rows * 2);
            }
            case VARBINARY -> {
                long[] range = lengthRange(buffer);
                int min = (int) range[0];
                int bits = BitPacking.bitsFor(range[1] - range[0]);
                int[] offsets = buffer.offsets();
                long[] lengths = new long[rows];
                for (int i = 0; i < rows; i++) {
                    lengths[i] = offsets[i + 1] - offsets[i];
                }
                out.writeInt(min);
                out.writeByte(bits);
                BitPacking.pack(lengths, rows, min, bits, out);
                out.writeBytes(buffer.bytes(), 0, buffer.byteSize());
            }
            case NULL -> { }
        }
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        return switch (kind) {
            case BOOLEAN -> {
                requireLength(length, (rows + 7L) >>> 3);
                yield (start, count, vector) -> ArrowBuffers.copyBits(payload, offset, start, count, vector.getDataBuffer());
            }
            case INT16, INT32, INT64, FLOAT32, FLOAT64, INT128, INTERVAL -> {
                int width = kind.width();
                requireLength(length, (long) rows * width);
                yield (start, count, vector) -> vector.getDataBuffer().setBytes(0, payload, offset + start * width, (long) count * width);
            }
            case VARBINARY -> new VarbinaryDecoder(payload, offset, length, rows);
            case NULL -> (start, count, vector) -> { };
        };
    }

    static void requireLength(int actual, long expected)
    {
        if (actual != expected) {
            throw new CorruptedDataException("values section has " + actual + " bytes, expected " + expected);
        }
    }

    /** Lengths are unpacked once into offsets so that each batch is one memcpy of its bytes. */
    private static final class VarbinaryDecoder implements ValuesDecoder
    {
        private final byte[] payload;
        private final int bytesOffset;
        private final int[] offsets;
        private int[] rebased = new int[0];

        VarbinaryDecoder(byte[] payload, int offset, int length, int rows)
        {
            ByteSource source = new ByteSource(payload, offset, length);
            int min = source.readCount(Integer.MAX_VALUE);
            int bits = source.readByte();
            if (bits > BitPacking.MAX_BITS) {
                throw new CorruptedDataException("invalid length bit width " + bits);
            }
            int packedOffset = source.skip(Math.toIntExact(BitPacking.packedSize(rows, bits)));
            int[] lengths = new int[rows];
            BitPacking.unpack(payload, packedOffset, bits, 0, rows, lengths);
            this.offsets = new int[rows + 1];
            long total = 0;
            for (int i = 0; i < rows; i++) {
                total += lengths[i] + (long) min;
                if (total > source.remaining()) {
                    throw new CorruptedDataException("string lengths exceed the chunk");
                }
                offsets[i + 1] = (int) total;
            }
            if (total != source.remaining()) {
                throw new CorruptedDataException("string bytes " + source.remaining() + " != sum of lengths " + total);
            }
            this.payload = payload;
            this.bytesOffset = source.position();
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
            int first = offsets[start];
            int total = offsets[start + count] - first;
            target.allocateNew(Math.max(total, 1), count);
            target.getDataBuffer().setBytes(0, payload, bytesOffset + first, total);
            if (rebased.length < count + 1) {
                rebased = new int[count + 1];
            }
            int[] rebased = this.rebased;
            for (int i = 0; i <= count; i++) {
                rebased[i] = offsets[start + i] - first;
            }
            MemorySegment.copy(rebased, 0, ArrowBuffers.segment(target.getOffsetBuffer(), (count + 1L) * 4), ValueLayout.JAVA_INT_UNALIGNED, 0, count + 1);
        }
    }
}

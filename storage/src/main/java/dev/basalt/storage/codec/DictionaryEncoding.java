package dev.basalt.storage.codec;

import dev.basalt.storage.column.ArrowBuffers;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * DICTIONARY: the distinct values once, then a bit-packed code per row.
 * <pre>
 * fixed width: [i32 entries][entries x width bytes][u8 code bits][bit-packed codes]
 * VARCHAR:     [i32 entries][i32 entry bytes][(entries + 1) x i32 offsets][entry bytes][u8 code bits][bit-packed codes]
 * </pre>
 * Entries are in order of first appearance. Null rows have code 0.
 */
public final class DictionaryEncoding
{
    /** Dictionary codes are at most this wide, which also caps the entry count. */
    public static final int MAX_CODE_BITS = 20;

    private DictionaryEncoding() {}

    public static int codeBits(int entries)
    {
        return BitPacking.bitsFor(Math.max(0, entries - 1));
    }

    public static long fixedSize(PhysicalKind kind, int rows, int entries)
    {
        return 5 + (long) entries * kind.width() + BitPacking.packedSize(rows, codeBits(entries));
    }

    public static long bytesSize(int rows, int entries, long entryBytes)
    {
        return 9 + (entries + 1L) * 4 + entryBytes + BitPacking.packedSize(rows, codeBits(entries));
    }

    public static void encodeFixed(PhysicalKind kind, LongDictionaryBuilder dictionary, int rows, ByteSink out)
    {
        int entries = dictionary.size();
        long[] values = dictionary.entries();
        out.writeInt(entries);
        int width = kind.width();
        int start = out.reserve(entries * width);
        byte[] target = out.array();
        for (int i = 0; i < entries; i++) {
            switch (width) {
                case 2 -> LittleEndian.putShort(target, start + i * 2, (short) values[i]);
                case 4 -> LittleEndian.putInt(target, start + i * 4, (int) values[i]);
                default -> LittleEndian.putLong(target, start + i * 8, values[i]);
            }
        }
        int bits = codeBits(entries);
        out.writeByte(bits);
        BitPacking.pack(dictionary.codes(), rows, bits, out);
    }

    public static void encodeBytes(ColumnBuffer buffer, BytesDictionaryBuilder dictionary, ByteSink out)
    {
        int entries = dictionary.size();
        int[] entryRows = dictionary.entryRows();
        int[] offsets = buffer.offsets();
        out.writeInt(entries);
        out.writeInt(Math.toIntExact(dictionary.entryBytes()));
        int position = 0;
        out.writeInt(0);
        for (int i = 0; i < entries; i++) {
            int row = entryRows[i];
            position += offsets[row + 1] - offsets[row];
            out.writeInt(position);
        }
        for (int i = 0; i < entries; i++) {
            int row = entryRows[i];
            out.writeBytes(buffer.bytes(), offsets[row], offsets[row + 1] - offsets[row]);
        }
        int bits = codeBits(entries);
        out.writeByte(bits);
        BitPacking.pack(dictionary.codes(), buffer.size(), bits, out);
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        ByteSource source = new ByteSource(payload, offset, length);
        int entries = source.readCount(1 << MAX_CODE_BITS);
        if (kind == PhysicalKind.VARBINARY) {
            int entryBytes = source.readCount(length);
            int[] entryOffsets = new int[entries + 1];
            for (int i = 0; i <= entries; i++) {
                entryOffsets[i] = source.readCount(entryBytes);
                if (i > 0 && entryOffsets[i] < entryOffsets[i - 1]) {
                    throw new CorruptedDataException("dictionary offsets are not ascending");
                }
            }
            if (entryOffsets[0] != 0 || entryOffsets[entries] != entryBytes) {
                throw new CorruptedDataException("dictionary offsets do not cover the entry bytes");
            }
            int bytesOffset = source.skip(entryBytes);
            int codesOffset = codes(source, entries, rows);
            return new BytesDecoder(payload, bytesOffset, entryOffsets, codesOffset, codeBits(entries));
        }
        int width = kind.width();
        if (width != 2 && width != 4 && width != 8) {
            throw new CorruptedDataException("dictionary encoding on a " + kind + " chunk");
        }
        int start = source.skip(Math.multiplyExact(entries, width));
        long[] values = new long[entries];
        for (int i = 0; i < entries; i++) {
            values[i] = switch (width) {
                case 2 -> LittleEndian.getShort(payload, start + i * 2);
                case 4 -> LittleEndian.getInt(payload, start + i * 4);
                default -> LittleEndian.getLong(payload, start + i * 8);
            };
        }
        int codesOffset = codes(source, entries, rows);
        return new FixedDecoder(payload, values, width, codesOffset, codeBits(entries));
    }

    private static int codes(ByteSource source, int entries, int rows)
    {
        int bits = source.readByte();
        if (bits != codeBits(entries) || (entries == 0 && rows > 0)) {
            throw new CorruptedDataException("invalid dictionary code width " + bits + " for " + entries + " entries");
        }
        PlainEncoding.requireLength(source.remaining(), BitPacking.packedSize(rows, bits));
        return source.position();
    }

    private static final class FixedDecoder implements ValuesDecoder
    {
        private final byte[] payload;
        private final long[] dictionary;
        private final int width;
        private final int codesOffset;
        private final int bits;
        private int[] codes = new int[0];
        private long[] values = new long[0];
        private byte[] bytes = new byte[0];

        FixedDecoder(byte[] payload, long[] dictionary, int width, int codesOffset, int bits)
        {
            this.payload = payload;
            this.dictionary = dictionary;
            this.width = width;
            this.codesOffset = codesOffset;
            this.bits = bits;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (codes.length < count) {
                codes = new int[count];
            }
            int[] codes = this.codes;
            long[] dictionary = this.dictionary;
            BitPacking.unpack(payload, codesOffset, bits, start, count, codes);
            if (values.length < count) {
                values = new long[count];
                bytes = new byte[count * width];
            }
            long[] values = this.values;
            for (int i = 0; i < count; i++) {
                values[i] = dictionary[codes[i]];
            }
            BitPacking.copyNarrowed(values, count, bytes, vector.getDataBuffer(), width);
        }
    }

    /** Gathers each batch's strings into a heap buffer, then copies it to Arrow in one go. */
    private static final class BytesDecoder implements ValuesDecoder
    {
        private final byte[] payload;
        private final int bytesOffset;
        private final int[] entryOffsets;
        private final int codesOffset;
        private final int bits;
        private int[] codes = new int[0];
        private int[] offsets = new int[0];
        private byte[] scratch = new byte[0];

        BytesDecoder(byte[] payload, int bytesOffset, int[] entryOffsets, int codesOffset, int bits)
        {
            this.payload = payload;
            this.bytesOffset = bytesOffset;
            this.entryOffsets = entryOffsets;
            this.codesOffset = codesOffset;
            this.bits = bits;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (codes.length < count) {
                codes = new int[count];
                offsets = new int[count + 1];
            }
            int[] codes = this.codes;
            int[] offsets = this.offsets;
            int[] entryOffsets = this.entryOffsets;
            BitPacking.unpack(payload, codesOffset, bits, start, count, codes);
            long total = 0;
            for (int i = 0; i < count; i++) {
                int code = codes[i];
                total += entryOffsets[code + 1] - entryOffsets[code];
                offsets[i + 1] = (int) Math.min(total, Integer.MAX_VALUE);
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("batch of strings exceeds 2 GB");
            }
            if (scratch.length < total + 16) {
                scratch = new byte[(int) Math.max(total + 16, Math.min(Integer.MAX_VALUE - 16, scratch.length * 2L))];
            }
            byte[] scratch = this.scratch;
            byte[] payload = this.payload;
            int base = bytesOffset;
            for (int i = 0; i < count; i++) {
                int code = codes[i];
                int from = base + entryOffsets[code];
                int length = entryOffsets[code + 1] - entryOffsets[code];
                int to = offsets[i];
                if (length <= 16) {
                    // Short strings: two unaligned 8-byte moves. The chunk always has at least 9 bytes after the
                    // dictionary bytes and the scratch has 16 spare bytes; overruns are overwritten by the next row.
                    LittleEndian.putLong(scratch, to, LittleEndian.getLong(payload, from));
                    if (length > 8) {
                        LittleEndian.putLong(scratch, to + 8, LittleEndian.getLong(payload, from + 8));
                    }
                }
                else {
                    System.arraycopy(payload, from, scratch, to, length);
                }
            }
            VarCharVector target = (VarCharVector) vector;
            target.allocateNew(Math.max(total, 1), count);
            target.getDataBuffer().setBytes(0, scratch, 0, total);
            MemorySegment.copy(offsets, 0, ArrowBuffers.segment(target.getOffsetBuffer(), (count + 1L) * 4), ValueLayout.JAVA_INT_UNALIGNED, 0, count + 1);
        }
    }
}

package dev.basalt.storage.codec;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import org.apache.arrow.vector.FieldVector;

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
        out.writeInt(entries);
        StringEntries.write(buffer.bytes(), buffer.offsets(), dictionary.entryRows(), entries, out);
        int bits = codeBits(entries);
        out.writeByte(bits);
        BitPacking.pack(dictionary.codes(), buffer.size(), bits, out);
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        ByteSource source = new ByteSource(payload, offset, length);
        int entries = source.readCount(1 << MAX_CODE_BITS);
        if (kind == PhysicalKind.VARBINARY) {
            StringEntries strings = StringEntries.read(payload, source, entries);
            int codesOffset = codes(source, entries, rows);
            return new BytesDecoder(payload, strings, codesOffset, codeBits(entries));
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

    /** Unpacks a batch of codes, then gathers their strings. */
    private static final class BytesDecoder extends CodedStringDecoder
    {
        private final byte[] payload;
        private final int codesOffset;
        private final int bits;

        BytesDecoder(byte[] payload, StringEntries strings, int codesOffset, int bits)
        {
            super(strings);
            this.payload = payload;
            this.codesOffset = codesOffset;
            this.bits = bits;
        }

        @Override
        public void codes(int start, int count, int[] target)
        {
            BitPacking.unpack(payload, codesOffset, bits, start, count, target);
        }
    }
}

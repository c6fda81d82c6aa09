package dev.basalt.storage.codec;

import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import org.apache.arrow.vector.FieldVector;


/**
 * FRAME-OF-REFERENCE + BIT-PACKING for integer kinds (SMALLINT, INTEGER, DATE, BIGINT, TIMESTAMP, short
 * DECIMAL): {@code [i64 base = chunk minimum][u8 bits][bit-packed (value - base) per row]}. A constant chunk
 * packs to zero bits. Null rows hold the base.
 */
public final class ForBitPackEncoding
{
    private ForBitPackEncoding() {}

    /** Bits per value for a chunk with this range, or -1 when FOR does not apply (range overflows / too wide). */
    public static int bitWidth(long min, long max)
    {
        long range = max - min;
        if (range < 0) {
            return -1;
        }
        int bits = BitPacking.bitsFor(range);
        return bits > BitPacking.MAX_BITS ? -1 : bits;
    }

    public static long size(int rows, int bits)
    {
        return 9 + BitPacking.packedSize(rows, bits);
    }

    public static void encode(long[] values, int rows, long base, int bits, ByteSink out)
    {
        out.writeLong(base);
        out.writeByte(bits);
        BitPacking.pack(values, rows, base, bits, out);
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        ByteSource source = new ByteSource(payload, offset, length);
        long base = source.readLong();
        int bits = source.readByte();
        if (bits > BitPacking.MAX_BITS) {
            throw new CorruptedDataException("invalid bit width " + bits);
        }
        PlainEncoding.requireLength(source.remaining(), BitPacking.packedSize(rows, bits));
        if (!kind.isInteger()) {
            throw new CorruptedDataException("frame-of-reference encoding on a " + kind + " chunk");
        }
        return new Decoder(payload, source.position(), bits, base, kind.width());
    }

    private static final class Decoder implements ValuesDecoder
    {
        private final byte[] payload;
        private final int packed;
        private final int bits;
        private final long base;
        private final int width;
        private long[] scratch = new long[0];
        private byte[] bytes = new byte[0];

        Decoder(byte[] payload, int packed, int bits, long base, int width)
        {
            this.payload = payload;
            this.packed = packed;
            this.bits = bits;
            this.base = base;
            this.width = width;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (scratch.length < count) {
                scratch = new long[count];
                bytes = new byte[count * width];
            }
            BitPacking.unpack(payload, packed, bits, start, count, base, scratch);
            BitPacking.copyNarrowed(scratch, count, bytes, vector.getDataBuffer(), width);
        }
    }
}

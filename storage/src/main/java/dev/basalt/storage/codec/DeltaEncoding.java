package dev.basalt.storage.codec;

import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import org.apache.arrow.vector.FieldVector;

/**
 * DELTA for sorted or sequential integers (keys, dates, timestamps):
 * {@code [i64 first value][i64 min delta][u8 bits][bit-packed (delta - min delta) for rows 1..rows-1]}, where
 * delta i is value[i + 1] - value[i] in wrapping 64-bit arithmetic, so decoding (again wrapping) is exact. An
 * ascending key with gaps of 1..8 costs 3 bits a row. Null rows hold the previous value (delta 0).
 * <p>Decoding is a prefix sum; the decoder remembers where the previous batch ended, so a sequential scan
 * never re-sums. A backwards jump restarts from the first row.
 */
public final class DeltaEncoding
{
    private DeltaEncoding() {}

    /** Bits per delta for values[0, rows), or -1 when the deltas span more than 56 bits. */
    public static int bitWidth(long[] values, int rows, long[] minDeltaOut)
    {
        if (rows < 2) {
            minDeltaOut[0] = 0;
            return 0;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 1; i < rows; i++) {
            long delta = values[i] - values[i - 1];
            min = Math.min(min, delta);
            max = Math.max(max, delta);
        }
        minDeltaOut[0] = min;
        return ForBitPackEncoding.bitWidth(min, max);
    }

    public static long size(int rows, int bits)
    {
        return 17 + BitPacking.packedSize(Math.max(rows - 1, 0), bits);
    }

    public static void encode(long[] values, int rows, long minDelta, int bits, ByteSink out)
    {
        out.writeLong(values[0]);
        out.writeLong(minDelta);
        out.writeByte(bits);
        int count = Math.max(rows - 1, 0);
        long[] deltas = new long[count];
        for (int i = 0; i < count; i++) {
            deltas[i] = values[i + 1] - values[i];
        }
        BitPacking.pack(deltas, count, minDelta, bits, out);
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        if (!kind.isInteger()) {
            throw new CorruptedDataException("delta encoding on a " + kind + " chunk");
        }
        ByteSource source = new ByteSource(payload, offset, length);
        long first = source.readLong();
        long minDelta = source.readLong();
        int bits = source.readByte();
        if (bits > BitPacking.MAX_BITS) {
            throw new CorruptedDataException("invalid delta bit width " + bits);
        }
        PlainEncoding.requireLength(source.remaining(), BitPacking.packedSize(Math.max(rows - 1, 0), bits));
        return new Decoder(kind, payload, source.position(), bits, first, minDelta);
    }

    private static final class Decoder implements ValuesDecoder
    {
        private static final int SKIP_BLOCK = 1024;

        private final LongValues writer;
        private final byte[] payload;
        private final int packed;
        private final int bits;
        private final long first;
        private final long minDelta;
        /** The value of row {@code cursorRow}, so that the next sequential batch continues the prefix sum. */
        private int cursorRow;
        private long cursorValue;
        private long[] values = new long[0];

        Decoder(PhysicalKind kind, byte[] payload, int packed, int bits, long first, long minDelta)
        {
            this.writer = new LongValues(kind);
            this.payload = payload;
            this.packed = packed;
            this.bits = bits;
            this.first = first;
            this.minDelta = minDelta;
            this.cursorValue = first;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (count == 0) {
                return;
            }
            if (values.length < Math.max(count, SKIP_BLOCK)) {
                values = new long[Math.max(count, SKIP_BLOCK)];
            }
            long[] values = this.values;
            if (start < cursorRow) {
                cursorRow = 0;
                cursorValue = first;
            }
            // Skip forward to start: sum the deltas of rows (cursorRow, start].
            while (cursorRow < start) {
                int step = Math.min(SKIP_BLOCK, start - cursorRow);
                BitPacking.unpack(payload, packed, bits, cursorRow, step, minDelta, values);
                long value = cursorValue;
                for (int i = 0; i < step; i++) {
                    value += values[i];
                }
                cursorValue = value;
                cursorRow += step;
            }
            // values[0] = value of start; delta j (row j -> j + 1) gives values[j + 1 - start].
            BitPacking.unpack(payload, packed, bits, start, count - 1, minDelta, values);
            long value = cursorValue;
            long previous = value;
            for (int i = 0; i < count - 1; i++) {
                long delta = values[i];
                values[i] = previous;
                previous += delta;
            }
            values[count - 1] = previous;
            writer.write(values, count, vector);
            cursorRow = start + count - 1;
            cursorValue = previous;
        }
    }
}

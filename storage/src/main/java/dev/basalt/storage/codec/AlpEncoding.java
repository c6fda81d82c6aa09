package dev.basalt.storage.codec;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import org.apache.arrow.vector.FieldVector;

/**
 * ALP-style encoding of REAL/DOUBLE chunks whose values are decimals with few digits (prices, measurements):
 * each value is stored as the integer n with {@code value == (double) n / 10^e} for one exponent e per chunk,
 * frame-of-reference bit-packed. Values for which that does not hold bit for bit (NaN, infinities, -0.0, too
 * many digits) are exceptions, stored raw.
 * <pre>
 * [u8 e][i64 base][u8 bits][bit-packed (n - base)][i32 exceptions][exceptions x i32 row, ascending][exceptions x raw bits (4 or 8 bytes)]
 * </pre>
 * Exception and null rows pack as base. Decoding is an unpack, a conversion loop and a patch of the few
 * exceptions of the batch. The encoder verifies with exactly the decoder's expression, so the round trip is exact.
 */
public final class AlpEncoding
{
    /** Largest exponent tried: 10^18 still fits a long and every power up to 10^22 is an exact double. */
    public static final int MAX_EXPONENT = 18;
    private static final int SAMPLE = 256;
    /** |n| must stay below 2^53 so that (double) n is exact. */
    private static final long MAX_MAGNITUDE = 1L << 53;
    private static final double[] POWERS = new double[MAX_EXPONENT + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_EXPONENT; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private AlpEncoding() {}

    public static boolean appliesTo(PhysicalKind kind)
    {
        return kind == PhysicalKind.FLOAT32 || kind == PhysicalKind.FLOAT64;
    }

    /** The analysis of one chunk: exponent, encoded integers, exceptions and the exact size. */
    public static final class Analysis
    {
        private int exponent;
        private long[] integers = new long[0];
        private int[] exceptionRows = new int[0];
        private int exceptions;
        private long base;
        private int bits;

        public long size(int rows, PhysicalKind kind)
        {
            if (bits < 0) {
                return Long.MAX_VALUE;
            }
            return 1 + 9 + BitPacking.packedSize(rows, bits) + 4 + (long) exceptions * (4 + kind.width());
        }

        /** Picks the exponent on a sample, then encodes every row; false when nothing round-trips. */
        public boolean analyze(ColumnBuffer buffer)
        {
            PhysicalKind kind = buffer.kind();
            boolean real = kind == PhysicalKind.FLOAT32;
            int rows = buffer.size();
            long[] raw = buffer.values();
            boolean hasNulls = buffer.nullCount() > 0;
            int step = Math.max(1, rows / SAMPLE);
            int bestExponent = -1;
            int bestHits = 0;
            for (int e = 0; e <= MAX_EXPONENT; e++) {
                int hits = 0;
                for (int i = 0; i < rows; i += step) {
                    if (!(hasNulls && buffer.isNull(i)) && encodeOne(raw[i], e, real) != Long.MIN_VALUE) {
                        hits++;
                    }
                }
                if (hits > bestHits) {
                    bestHits = hits;
                    bestExponent = e;
                }
            }
            bits = -1;
            if (bestExponent < 0) {
                return false;
            }
            exponent = bestExponent;
            if (integers.length < rows) {
                integers = new long[rows];
                exceptionRows = new int[rows];
            }
            exceptions = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < rows; i++) {
                if (hasNulls && buffer.isNull(i)) {
                    integers[i] = Long.MIN_VALUE;
                    continue;
                }
                long n = encodeOne(raw[i], exponent, real);
                if (n == Long.MIN_VALUE) {
                    exceptionRows[exceptions++] = i;
                }
                else {
                    min = Math.min(min, n);
                    max = Math.max(max, n);
                }
                integers[i] = n;
            }
            if (min > max) {
                return false;
            }
            base = min;
            for (int i = 0; i < rows; i++) {
                if (integers[i] == Long.MIN_VALUE) {
                    integers[i] = base;
                }
            }
            bits = ForBitPackEncoding.bitWidth(min, max);
            return bits >= 0;
        }
    }

    /** n with decode(n, e) bit-identical to the value, or Long.MIN_VALUE. */
    private static long encodeOne(long raw, int exponent, boolean real)
    {
        double value = real ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
        double scaled = value * POWERS[exponent];
        if (!(Math.abs(scaled) < MAX_MAGNITUDE)) {
            return Long.MIN_VALUE;
        }
        long n = Math.round(scaled);
        return bitsOf(n, exponent, real) == raw ? n : Long.MIN_VALUE;
    }

    /** The decoder's expression: raw bits (sign-extended for REAL) of n / 10^e. */
    private static long bitsOf(long n, int exponent, boolean real)
    {
        double value = (double) n / POWERS[exponent];
        return real ? Float.floatToRawIntBits((float) value) : Double.doubleToRawLongBits(value);
    }

    public static void encode(ColumnBuffer buffer, Analysis analysis, ByteSink out)
    {
        int rows = buffer.size();
        boolean real = buffer.kind() == PhysicalKind.FLOAT32;
        out.writeByte(analysis.exponent);
        out.writeLong(analysis.base);
        out.writeByte(analysis.bits);
        BitPacking.pack(analysis.integers, rows, analysis.base, analysis.bits, out);
        out.writeInt(analysis.exceptions);
        for (int i = 0; i < analysis.exceptions; i++) {
            out.writeInt(analysis.exceptionRows[i]);
        }
        long[] raw = buffer.values();
        for (int i = 0; i < analysis.exceptions; i++) {
            long value = raw[analysis.exceptionRows[i]];
            if (real) {
                out.writeInt((int) value);
            }
            else {
                out.writeLong(value);
            }
        }
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        if (!appliesTo(kind)) {
            throw new CorruptedDataException("ALP encoding on a " + kind + " chunk");
        }
        ByteSource source = new ByteSource(payload, offset, length);
        int exponent = source.readByte();
        long base = source.readLong();
        int bits = source.readByte();
        if (exponent > MAX_EXPONENT || bits > BitPacking.MAX_BITS) {
            throw new CorruptedDataException("invalid ALP exponent " + exponent + " or bit width " + bits);
        }
        int packed = source.skip(Math.toIntExact(BitPacking.packedSize(rows, bits)));
        int exceptions = source.readCount(rows);
        int width = kind.width();
        PlainEncoding.requireLength(source.remaining(), (long) exceptions * (4 + width));
        int[] rowsOfExceptions = new int[exceptions];
        long[] values = new long[exceptions];
        for (int i = 0; i < exceptions; i++) {
            rowsOfExceptions[i] = source.readCount(rows - 1);
            if (i > 0 && rowsOfExceptions[i] <= rowsOfExceptions[i - 1]) {
                throw new CorruptedDataException("ALP exception rows are not ascending");
            }
        }
        for (int i = 0; i < exceptions; i++) {
            values[i] = width == 4 ? source.readInt() : source.readLong();
        }
        return new Decoder(kind, payload, packed, bits, base, exponent, rowsOfExceptions, values);
    }

    private static final class Decoder implements ValuesDecoder
    {
        private final LongValues writer;
        private final boolean real;
        private final byte[] payload;
        private final int packed;
        private final int bits;
        private final long base;
        private final double divisor;
        private final int[] exceptionRows;
        private final long[] exceptionValues;
        private long[] values = new long[0];

        Decoder(PhysicalKind kind, byte[] payload, int packed, int bits, long base, int exponent, int[] exceptionRows, long[] exceptionValues)
        {
            this.writer = new LongValues(kind);
            this.real = kind == PhysicalKind.FLOAT32;
            this.payload = payload;
            this.packed = packed;
            this.bits = bits;
            this.base = base;
            this.divisor = POWERS[exponent];
            this.exceptionRows = exceptionRows;
            this.exceptionValues = exceptionValues;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (values.length < count) {
                values = new long[count];
            }
            long[] values = this.values;
            BitPacking.unpack(payload, packed, bits, start, count, base, values);
            double divisor = this.divisor;
            if (real) {
                for (int i = 0; i < count; i++) {
                    values[i] = Float.floatToRawIntBits((float) ((double) values[i] / divisor));
                }
            }
            else {
                for (int i = 0; i < count; i++) {
                    values[i] = Double.doubleToRawLongBits((double) values[i] / divisor);
                }
            }
            int[] rows = exceptionRows;
            int index = java.util.Arrays.binarySearch(rows, start);
            if (index < 0) {
                index = -index - 1;
            }
            int stop = start + count;
            for (; index < rows.length && rows[index] < stop; index++) {
                values[rows[index] - start] = exceptionValues[index];
            }
            writer.write(values, count, vector);
        }
    }
}

package dev.basalt.storage.codec;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;

/**
 * RUN-LENGTH: runs of equal values, for sorted or clustered columns. A null row continues the current run (its
 * value is masked by the validity bitmap), so nulls never break runs.
 * <pre>
 * long-backed: [i32 runs][u8 length bits][bit-packed (run length - 1)][i64 base][u8 value bits][bit-packed (value - base)]
 * VARCHAR:     [i32 runs][string table: i32 bytes, (runs + 1) x i32 offsets, bytes][u8 length bits][bit-packed (run length - 1)]
 * </pre>
 * Floats are run over their raw bits. The decoder turns run lengths into run ends once and finds a batch's
 * first run by binary search.
 */
public final class RleEncoding
{
    private RleEncoding() {}

    public static boolean appliesTo(PhysicalKind kind)
    {
        return kind.isLongBacked() || kind == PhysicalKind.VARBINARY;
    }

    /** Runs of a chunk: how many, and the row holding each run's value (one run per row at most). */
    public static final class Runs
    {
        private int[] valueRows = new int[0];
        private int[] lengths = new int[0];
        private int count;
        private int maxLength;

        public int count()
        {
            return count;
        }

        /**
         * Finds the runs; gives up (returns false) once there are more than {@code maxRuns}, so a chunk without
         * runs costs one cheap partial pass.
         */
        public boolean find(ColumnBuffer buffer, int maxRuns)
        {
            int rows = buffer.size();
            if (valueRows.length < rows) {
                valueRows = new int[rows];
                lengths = new int[rows];
            }
            boolean hasNulls = buffer.nullCount() > 0;
            boolean strings = buffer.kind() == PhysicalKind.VARBINARY;
            long[] values = buffer.values();
            byte[] bytes = buffer.bytes();
            int[] offsets = buffer.offsets();
            count = 0;
            maxLength = 0;
            int valueRow = -1;
            int runStart = 0;
            for (int i = 0; i < rows; i++) {
                if (hasNulls && buffer.isNull(i)) {
                    continue;
                }
                if (valueRow < 0) {
                    valueRow = i;
                    continue;
                }
                boolean equal = strings
                        ? Arrays.equals(bytes, offsets[i], offsets[i + 1], bytes, offsets[valueRow], offsets[valueRow + 1])
                        : values[i] == values[valueRow];
                if (!equal) {
                    if (count == maxRuns) {
                        return false;
                    }
                    add(valueRow, i - runStart);
                    runStart = i;
                    valueRow = i;
                }
            }
            if (count == maxRuns) {
                return false;
            }
            add(Math.max(valueRow, 0), rows - runStart);
            return true;
        }

        private void add(int valueRow, int length)
        {
            valueRows[count] = valueRow;
            lengths[count] = length;
            count++;
            maxLength = Math.max(maxLength, length);
        }

        int lengthBits()
        {
            return BitPacking.bitsFor(maxLength - 1L);
        }
    }

    /** Exact size for a long-backed chunk whose values span {@code valueBits} bits (-1: too wide, no RLE). */
    public static long longSize(Runs runs, int valueBits)
    {
        if (valueBits < 0) {
            return Long.MAX_VALUE;
        }
        return 4 + 1 + BitPacking.packedSize(runs.count, runs.lengthBits()) + 9 + BitPacking.packedSize(runs.count, valueBits);
    }

    public static long stringSize(ColumnBuffer buffer, Runs runs)
    {
        int[] offsets = buffer.offsets();
        long bytes = 0;
        for (int i = 0; i < runs.count; i++) {
            bytes += offsets[runs.valueRows[i] + 1] - offsets[runs.valueRows[i]];
        }
        return 4 + StringEntries.size(runs.count, bytes) + 1 + BitPacking.packedSize(runs.count, runs.lengthBits());
    }

    /** Encodes a long-backed chunk; {@code base} and {@code valueBits} describe the range of its non-null values. */
    public static void encodeLongs(ColumnBuffer buffer, Runs runs, long base, int valueBits, ByteSink out)
    {
        int count = runs.count;
        out.writeInt(count);
        writeLengths(runs, out);
        long[] values = buffer.values();
        long[] runValues = new long[count];
        for (int i = 0; i < count; i++) {
            runValues[i] = values[runs.valueRows[i]];
        }
        out.writeLong(base);
        out.writeByte(valueBits);
        BitPacking.pack(runValues, count, base, valueBits, out);
    }

    public static void encodeStrings(ColumnBuffer buffer, Runs runs, ByteSink out)
    {
        out.writeInt(runs.count);
        StringEntries.write(buffer.bytes(), buffer.offsets(), runs.valueRows, runs.count, out);
        writeLengths(runs, out);
    }

    private static void writeLengths(Runs runs, ByteSink out)
    {
        int bits = runs.lengthBits();
        long[] lengths = new long[runs.count];
        for (int i = 0; i < runs.count; i++) {
            lengths[i] = runs.lengths[i];
        }
        out.writeByte(bits);
        BitPacking.pack(lengths, runs.count, 1, bits, out);
    }

    public static ValuesDecoder decoder(PhysicalKind kind, byte[] payload, int offset, int length, int rows)
    {
        if (!appliesTo(kind)) {
            throw new CorruptedDataException("run-length encoding on a " + kind + " chunk");
        }
        ByteSource source = new ByteSource(payload, offset, length);
        int runs = source.readCount(Math.max(rows, 1));
        if (runs == 0 && rows > 0) {
            throw new CorruptedDataException("run-length chunk without runs");
        }
        StringEntries strings = kind == PhysicalKind.VARBINARY ? StringEntries.read(payload, source, runs) : null;
        int lengthBits = source.readByte();
        if (lengthBits > BitPacking.MAX_BITS) {
            throw new CorruptedDataException("invalid run length bit width " + lengthBits);
        }
        int lengthsOffset = source.skip(Math.toIntExact(BitPacking.packedSize(runs, lengthBits)));
        long[] lengths = new long[runs];
        BitPacking.unpack(payload, lengthsOffset, lengthBits, 0, runs, 1, lengths);
        int[] ends = new int[runs];
        long end = 0;
        for (int i = 0; i < runs; i++) {
            end += lengths[i];
            if (end > rows) {
                throw new CorruptedDataException("run lengths exceed the chunk's " + rows + " rows");
            }
            ends[i] = (int) end;
        }
        if (end != rows) {
            throw new CorruptedDataException("run lengths cover " + end + " of " + rows + " rows");
        }
        if (strings != null) {
            PlainEncoding.requireLength(source.remaining(), 0);
            return new StringDecoder(ends, strings);
        }
        long base = source.readLong();
        int valueBits = source.readByte();
        if (valueBits > BitPacking.MAX_BITS) {
            throw new CorruptedDataException("invalid run value bit width " + valueBits);
        }
        PlainEncoding.requireLength(source.remaining(), BitPacking.packedSize(runs, valueBits));
        long[] values = new long[runs];
        BitPacking.unpack(payload, source.position(), valueBits, 0, runs, base, values);
        return new LongDecoder(kind, ends, values);
    }

    /** Index of the run holding {@code row}: the first run whose end is above it. */
    private static int runOf(int[] ends, int row)
    {
        int index = Arrays.binarySearch(ends, row);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static final class LongDecoder implements ValuesDecoder
    {
        private final LongValues writer;
        private final int[] ends;
        private final long[] runValues;
        private long[] values = new long[0];

        LongDecoder(PhysicalKind kind, int[] ends, long[] runValues)
        {
            this.writer = new LongValues(kind);
            this.ends = ends;
            this.runValues = runValues;
        }

        @Override
        public void read(int start, int count, FieldVector vector)
        {
            if (values.length < count) {
                values = new long[count];
            }
            long[] values = this.values;
            int run = runOf(ends, start);
            int row = start;
            int stop = start + count;
            while (row < stop) {
                int to = Math.min(ends[run], stop);
                Arrays.fill(values, row - start, to - start, runValues[run]);
                row = to;
                run++;
            }
            writer.write(values, count, vector);
        }
    }

    private static final class StringDecoder extends CodedStringDecoder
    {
        private final int[] ends;

        StringDecoder(int[] ends, StringEntries strings)
        {
            super(strings);
            this.ends = ends;
        }

        @Override
        public void codes(int start, int count, int[] target)
        {
            int run = runOf(ends, start);
            int row = start;
            int stop = start + count;
            while (row < stop) {
                int to = Math.min(ends[run], stop);
                Arrays.fill(target, row - start, to - start, run);
                row = to;
                run++;
            }
        }
    }
}

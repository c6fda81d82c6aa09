package dev.basalt.storage.codec;

import dev.basalt.storage.column.ArrowBuffers;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import org.apache.arrow.vector.BaseVariableWidthVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A table of strings inside a chunk payload, {@code [i32 bytes][(entries + 1) x i32 offsets][bytes]}, shared by
 * DICTIONARY and RLE, and the gather that turns a batch of codes into a VarCharVector (or VarBinaryVector): short strings are two
 * unaligned 8-byte moves, long ones one arraycopy, then one bulk copy into Arrow.
 */
final class StringEntries
{
    private final byte[] payload;
    private final int bytesOffset;
    private final int[] entryOffsets;
    private int[] offsets = new int[0];
    private byte[] scratch = new byte[0];

    private StringEntries(byte[] payload, int bytesOffset, int[] entryOffsets)
    {
        this.payload = payload;
        this.bytesOffset = bytesOffset;
        this.entryOffsets = entryOffsets;
    }

    /** Writes the table: {@code rows[i]} is a row of {@code bytes/offsets} holding entry i. */
    static void write(byte[] bytes, int[] offsets, int[] rows, int entries, ByteSink out)
    {
        long total = 0;
        for (int i = 0; i < entries; i++) {
            total += offsets[rows[i] + 1] - offsets[rows[i]];
        }
        out.writeInt(Math.toIntExact(total));
        int position = 0;
        out.writeInt(0);
        for (int i = 0; i < entries; i++) {
            int row = rows[i];
            position += offsets[row + 1] - offsets[row];
            out.writeInt(position);
        }
        for (int i = 0; i < entries; i++) {
            int row = rows[i];
            out.writeBytes(bytes, offsets[row], offsets[row + 1] - offsets[row]);
        }
    }

    static long size(int entries, long entryBytes)
    {
        return 4 + (entries + 1L) * 4 + entryBytes;
    }

    /**
     * Reads and validates a table of {@code entries} strings at the source's position. The caller guarantees
     * that at least 9 bytes of the payload follow the table (the two 8-byte moves may read past an entry).
     */
    static StringEntries read(byte[] payload, ByteSource source, int entries)
    {
        int entryBytes = source.readCount(source.remaining());
        int[] entryOffsets = new int[entries + 1];
        for (int i = 0; i <= entries; i++) {
            entryOffsets[i] = source.readCount(entryBytes);
            if (i > 0 && entryOffsets[i] < entryOffsets[i - 1]) {
                throw new CorruptedDataException("string table offsets are not ascending");
            }
        }
        if (entryOffsets[0] != 0 || entryOffsets[entries] != entryBytes) {
            throw new CorruptedDataException("string table offsets do not cover its bytes");
        }
        int bytesOffset = source.skip(entryBytes);
        return new StringEntries(payload, bytesOffset, entryOffsets);
    }

    int entryCount()
    {
        return entryOffsets.length - 1;
    }

    byte[] entry(int index)
    {
        return java.util.Arrays.copyOfRange(payload, bytesOffset + entryOffsets[index], bytesOffset + entryOffsets[index + 1]);
    }

    /** Fills {@code vector} with the strings of codes[0, count); every code must be a valid entry index. */
    void gather(int[] codes, int count, BaseVariableWidthVector target)
    {
        if (offsets.length < count + 1) {
            offsets = new int[count + 1];
        }
        int[] offsets = this.offsets;
        int[] entryOffsets = this.entryOffsets;
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
                // Two unaligned 8-byte moves; overruns land in the scratch's spare bytes or under the next row.
                LittleEndian.putLong(scratch, to, LittleEndian.getLong(payload, from));
                if (length > 8) {
                    LittleEndian.putLong(scratch, to + 8, LittleEndian.getLong(payload, from + 8));
                }
            }
            else {
                System.arraycopy(payload, from, scratch, to, length);
            }
        }
        target.allocateNew(Math.max(total, 1), count);
        target.getDataBuffer().setBytes(0, scratch, 0, total);
        MemorySegment.copy(offsets, 0, ArrowBuffers.segment(target.getOffsetBuffer(), (count + 1L) * 4), ValueLayout.JAVA_INT_UNALIGNED, 0, count + 1);
    }
}

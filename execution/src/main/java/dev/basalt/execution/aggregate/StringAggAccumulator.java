package dev.basalt.execution.aggregate;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * STRING_AGG(VARCHAR, separator): the non-NULL values of each group in arrival order, joined by the separator. The
 * values' bytes go to one growing byte array; each group is a linked list of value entries (head, tail, next), so
 * there is no object per group. A NULL separator ({@code separator == null}) makes every result NULL (DuckDB).
 */
public final class StringAggAccumulator
        extends Accumulator
{
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    private final byte[] separator;
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private long[] totalBytes = new long[0];
    private byte[] data = new byte[1024];
    private int dataSize;
    private int[] entryStart = new int[64];
    private int[] entryLength = new int[64];
    private int[] entryNext = new int[64];
    private int entries;
    private byte[] scratch = new byte[256];

    public StringAggAccumulator(String separator)
    {
        super(DataTypes.VARCHAR);
        this.separator = separator == null ? null : separator.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (head.length < groupCount) {
            int old = head.length;
            int capacity = Math.max(groupCount, 2 * old);
            head = Arrays.copyOf(head, capacity);
            tail = Arrays.copyOf(tail, capacity);
            totalBytes = Arrays.copyOf(totalBytes, capacity);
            Arrays.fill(head, old, capacity, -1);
            Arrays.fill(tail, old, capacity, -1);
        }
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        if (separator == null) {
            return;
        }
        MemorySegment values = Vectors.data(input);
        MemorySegment offsets = Vectors.offsets(input);
        MemorySegment validity = Vectors.validity(input);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(validity, p)) {
                continue;
            }
            int start = offsets.getAtIndex(INT, p);
            int length = offsets.getAtIndex(INT, p + 1) - start;
            if (entries == entryStart.length) {
                int capacity = 2 * entries;
                entryStart = Arrays.copyOf(entryStart, capacity);
                entryLength = Arrays.copyOf(entryLength, capacity);
                entryNext = Arrays.copyOf(entryNext, capacity);
            }
            if ((long) dataSize + length > data.length) {
                long capacity = Math.max((long) dataSize + length, 2L * data.length);
                if (capacity > Integer.MAX_VALUE - 16) {
                    throw new BasaltException(ErrorCode.OUT_OF_MEMORY, "string_agg input exceeds 2 GB");
                }
                data = Arrays.copyOf(data, (int) capacity);
            }
            MemorySegment.copy(values, ValueLayout.JAVA_BYTE, start, data, dataSize, length);
            int entry = entries++;
            entryStart[entry] = dataSize;
            entryLength[entry] = length;
            entryNext[entry] = -1;
            dataSize += length;
            int g = groupIds[i];
            if (tail[g] < 0) {
                head[g] = entry;
            }
            else {
                entryNext[tail[g]] = entry;
                totalBytes[g] += separator.length;
            }
            tail[g] = entry;
            totalBytes[g] += length;
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        BaseVariableWidthVector varchar = (BaseVariableWidthVector) output;
        varchar.allocateNew(Math.max(64, count * 16L), count);
        for (int i = 0; i < count; i++) {
            int g = from + i;
            if (head[g] < 0) {
                varchar.setNull(i);
                continue;
            }
            if (totalBytes[g] > Integer.MAX_VALUE - 16) {
                throw new BasaltException(ErrorCode.OUT_OF_MEMORY, "string_agg result exceeds 2 GB");
            }
            int length = (int) totalBytes[g];
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, 2 * scratch.length)];
            }
            int position = 0;
            for (int entry = head[g]; entry >= 0; entry = entryNext[entry]) {
                if (entry != head[g]) {
                    System.arraycopy(separator, 0, scratch, position, separator.length);
                    position += separator.length;
                }
                System.arraycopy(data, entryStart[entry], scratch, position, entryLength[entry]);
                position += entryLength[entry];
            }
            varchar.setSafe(i, scratch, 0, length);
        }
        varchar.setValueCount(count);
    }

    @Override
    public long bytes()
    {
        return 16L * head.length + data.length + 12L * entryStart.length + scratch.length;
    }
}

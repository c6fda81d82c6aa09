package dev.basalt.execution.aggregate;

import dev.basalt.execution.hash.GroupHashTable;
import dev.basalt.execution.hash.KeyEncoder;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * For a DISTINCT aggregate: lets through only the first row of each (group, value) pair, so the accumulator sees
 * every distinct value once per group.
 */
public final class DistinctFilter
{
    private final KeyEncoder encoder;
    private final GroupHashTable table;
    private final int words;
    private long[] codes = new long[0];
    private long[] combined = new long[0];
    private boolean[] nulls = new boolean[0];
    private int[] ids = new int[0];

    public DistinctFilter(DataType argumentType)
    {
        this.encoder = new KeyEncoder(List.of(argumentType));
        this.words = encoder.words() + 1;
        this.table = new GroupHashTable(words, 1024);
    }

    /**
     * Writes the rows (positions) that bring a new (group, value) pair to {@code outRows} and their groups to
     * {@code outGroups}; returns how many.
     */
    public int filter(FieldVector argument, int[] rows, int count, int[] groupIds, int[] outRows, int[] outGroups)
    {
        if (nulls.length < count) {
            int capacity = Math.max(count, 64);
            codes = new long[capacity * encoder.words()];
            combined = new long[capacity * words];
            nulls = new boolean[capacity];
            ids = new int[capacity];
        }
        encoder.encode(List.of(argument), rows, count, true, codes, nulls, null);
        int valueWords = encoder.words();
        for (int i = 0; i < count; i++) {
            System.arraycopy(codes, i * valueWords, combined, i * words, valueWords);
            combined[i * words + valueWords] = ((long) groupIds[i] << 1) | (nulls[i] ? 1 : 0);
        }
        int next = table.size();
        table.findOrAdd(combined, count, null, ids);
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (ids[i] == next) {
                outRows[n] = rows == null ? i : rows[i];
                outGroups[n] = groupIds[i];
                n++;
                next++;
            }
        }
        return n;
    }

    public long bytes()
    {
        return table.bytes() + encoder.bytes() + 17L * nulls.length * words;
    }
}

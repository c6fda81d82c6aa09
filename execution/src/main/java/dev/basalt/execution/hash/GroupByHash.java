package dev.basalt.execution.hash;

import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * Group ids for aggregation: encodes the key columns ({@link KeyEncoder}) and maps them to dense ids
 * ({@link GroupHashTable}). NULL keys form groups like any value; ids are assigned in order of first appearance.
 */
public final class GroupByHash
{
    private final KeyEncoder encoder;
    private final GroupHashTable table;
    private final boolean separateNullGroup;
    private int nullGroup = -1;
    private long[] codes = new long[0];
    private boolean[] nulls = new boolean[0];

    public GroupByHash(List<DataType> keyTypes, int expectedGroups)
    {
        this.encoder = new KeyEncoder(keyTypes);
        this.table = new GroupHashTable(encoder.words(), expectedGroups);
        this.separateNullGroup = encoder.layout() == KeyEncoder.Layout.SINGLE;
    }

    public int groupCount()
    {
        return table.size();
    }

    /** Writes the group id of row i (position rows[i], or i) to groupIds[i]. */
    public void groupIds(List<FieldVector> keys, int[] rows, int count, int[] groupIds)
    {
        if (nulls.length < count) {
            codes = new long[Math.max(count, 64) * encoder.words()];
            nulls = new boolean[Math.max(count, 64)];
        }
        encoder.encode(keys, rows, count, true, codes, nulls, null);
        if (!separateNullGroup) {
            table.findOrAdd(codes, count, null, groupIds);
            return;
        }
        table.findOrAdd(codes, count, nulls, groupIds);
        for (int i = 0; i < count; i++) {
            if (nulls[i]) {
                if (nullGroup < 0) {
                    nullGroup = table.addKeylessGroup();
                }
                groupIds[i] = nullGroup;
            }
        }
    }

    /** Approximate heap bytes held. */
    public long bytes()
    {
        return table.bytes() + encoder.bytes() + 9L * nulls.length * encoder.words();
    }
}

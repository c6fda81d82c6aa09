package dev.basalt.execution.window;

import dev.basalt.execution.sort.SortColumn;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * The rows of a window operator in window order (sorted by partition keys, then ORDER BY keys) with their
 * partition and peer-group boundaries. Positions 0..n-1 are window-order positions; {@link #order()} maps them
 * to rows of the materialized input.
 */
public final class WindowLayout
{
    private final int[] order;
    private final int[] partitionStart;
    private final int[] partitionEnd;
    private final int[] peerStart;
    private final int[] peerEnd;
    private final int[] group;
    private final int[] groupStarts;
    private final List<FieldVector> orderColumns;
    private final List<DataType> orderTypes;
    private final List<Boolean> orderAscending;

    /**
     * @param partitionKeys partition key columns over the input rows (equality only)
     * @param orderKeys ORDER BY key columns over the input rows
     */
    public WindowLayout(int[] order, List<SortColumn> partitionKeys, List<SortColumn> orderKeys,
            List<FieldVector> orderColumns, List<DataType> orderTypes, List<Boolean> orderAscending)
    {
        this.order = order;
        this.orderColumns = orderColumns;
        this.orderTypes = orderTypes;
        this.orderAscending = orderAscending;
        int n = order.length;
        partitionStart = new int[n];
        partitionEnd = new int[n];
        peerStart = new int[n];
        peerEnd = new int[n];
        group = new int[n];
        int[] starts = new int[Math.max(n, 1) + 1];
        int groups = 0;
        int currentPartition = 0;
        int currentPeer = 0;
        for (int i = 0; i < n; i++) {
            boolean newPartition = i == 0 || differ(partitionKeys, order[i - 1], order[i]);
            boolean newPeer = newPartition || differ(orderKeys, order[i - 1], order[i]);
            if (newPartition) {
                for (int j = currentPartition; j < i; j++) {
                    partitionEnd[j] = i;
                }
                currentPartition = i;
            }
            if (newPeer) {
                for (int j = currentPeer; j < i; j++) {
                    peerEnd[j] = i;
                }
                currentPeer = i;
                starts[groups++] = i;
            }
            partitionStart[i] = currentPartition;
            peerStart[i] = currentPeer;
            group[i] = groups - 1;
        }
        for (int j = currentPartition; j < n; j++) {
            partitionEnd[j] = n;
        }
        for (int j = currentPeer; j < n; j++) {
            peerEnd[j] = n;
        }
        starts[groups] = n;
        this.groupStarts = starts;
    }

    private static boolean differ(List<SortColumn> keys, int left, int right)
    {
        for (int k = 0; k < keys.size(); k++) {
            if (keys.get(k).compare(left, right) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Heap bytes per row held by a layout (for memory reservations). */
    public static long bytesPerRow()
    {
        return 4L * 7;
    }

    public int rowCount()
    {
        return order.length;
    }

    public int[] order()
    {
        return order;
    }

    public int partitionStart(int i)
    {
        return partitionStart[i];
    }

    public int partitionEnd(int i)
    {
        return partitionEnd[i];
    }

    public int peerStart(int i)
    {
        return peerStart[i];
    }

    public int peerEnd(int i)
    {
        return peerEnd[i];
    }

    /** Index of row i's peer group within its partition. */
    public int groupIndex(int i)
    {
        return group[i] - group[partitionStart[i]];
    }

    /** Number of peer groups in row i's partition. */
    public int groupCount(int i)
    {
        return group[partitionEnd[i] - 1] - group[partitionStart[i]] + 1;
    }

    /** First position of peer group {@code g} of row i's partition. */
    public int groupStart(int i, int g)
    {
        return groupStarts[group[partitionStart[i]] + g];
    }

    /** End (exclusive) of peer group {@code g} of row i's partition. */
    public int groupEnd(int i, int g)
    {
        return groupStarts[group[partitionStart[i]] + g + 1];
    }

    public List<FieldVector> orderColumns()
    {
        return orderColumns;
    }

    public List<DataType> orderTypes()
    {
        return orderTypes;
    }

    public List<Boolean> orderAscending()
    {
        return orderAscending;
    }
}

package dev.basalt.execution.aggregate;

import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import static java.util.Objects.requireNonNull;

/**
 * The state of one aggregate for all groups, in primitive arrays indexed by group id (no object per group). One
 * virtual call per batch; typed loops inside.
 */
public abstract class Accumulator
{
    private final DataType resultType;

    protected Accumulator(DataType resultType)
    {
        this.resultType = requireNonNull(resultType, "resultType is null");
    }

    public final DataType resultType()
    {
        return resultType;
    }

    /** Grows the state to hold groups {@code 0..groupCount-1}. */
    public abstract void ensureCapacity(int groupCount);

    /**
     * Adds input values at positions {@code rows[0..count)} (null = 0..count-1) to groups {@code groupIds[i]}.
     * {@code input} is null for COUNT(*).
     */
    public abstract void add(FieldVector input, int[] rows, int count, int[] groupIds);

    /**
     * Adds rows that all belong to one group (global aggregation, or a batch partitioned by group when there are
     * few groups): overridden with reduction kernels that accumulate in registers instead of per-row scatter.
     */
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        int[] groupIds = new int[count];
        java.util.Arrays.fill(groupIds, group);
        add(input, rows, count, groupIds);
    }

    /** Writes the results of groups {@code from..from+count-1} to positions {@code 0..count-1} of a new vector. */
    public abstract void write(int from, int count, FieldVector output);

    /** Approximate heap bytes of the state. */
    public abstract long bytes();
}

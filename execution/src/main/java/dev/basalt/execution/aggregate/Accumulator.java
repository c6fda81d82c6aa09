package dev.basalt.execution.aggregate;

import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import static java.util.Objects.requireNonNull;

/**
 * The state of one aggregate for all groups, in primitive arrays indexed by group id (no object per group). One
 * virtual call per batch; typed loops inside.
 */
public abstract class Accumulator
        implements AutoCloseable
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

    /**
     * Adds rows of an aggregate over several arguments ({@code inputs} in argument order; empty for COUNT(*)).
     * One-argument accumulators keep the single-vector {@link #add}; multi-argument ones override this.
     */
    public void add(FieldVector[] inputs, int[] rows, int count, int[] groupIds)
    {
        add(inputs.length == 0 ? null : inputs[0], rows, count, groupIds);
    }

    /** {@link #addToGroup(FieldVector, int[], int, int)} for several arguments. */
    public void addToGroup(FieldVector[] inputs, int[] rows, int count, int group)
    {
        if (inputs.length <= 1) {
            addToGroup(inputs.length == 0 ? null : inputs[0], rows, count, group);
            return;
        }
        int[] groupIds = new int[count];
        java.util.Arrays.fill(groupIds, group);
        add(inputs, rows, count, groupIds);
    }

    /** Writes the results of groups {@code from..from+count-1} to positions {@code 0..count-1} of a new vector. */
    public abstract void write(int from, int count, FieldVector output);

    /**
     * Whether {@link #merge} is implemented: parallel aggregation combines per-thread partial states with it, and
     * falls back to one thread for aggregates whose accumulator cannot merge.
     */
    public boolean mergeable()
    {
        return false;
    }

    /**
     * Adds the state of {@code other}'s groups {@code 0..count-1} (an accumulator of the same class for the same
     * call) to this one's groups {@code targets[i]}, as if this accumulator had seen other's input too.
     */
    public void merge(Accumulator other, int[] targets, int count)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot merge partial states");
    }

    /** Approximate heap bytes of the state. */
    public abstract long bytes();

    /** Releases Arrow buffers of accumulators that keep input rows (holistic aggregates); most hold none. */
    @Override
    public void close() {}
}

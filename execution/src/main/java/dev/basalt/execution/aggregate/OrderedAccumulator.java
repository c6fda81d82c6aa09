package dev.basalt.execution.aggregate;

import dev.basalt.execution.sort.IndexSorter;
import dev.basalt.execution.sort.SortColumn;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code agg(args ORDER BY keys)} for order-sensitive aggregates (STRING_AGG, FIRST, ...): buffers the arguments
 * and sort keys of every row with its group, and once all input is in sorts the rows by the keys and feeds them to
 * the wrapped accumulator in that order (per group the order is what matters; groups interleave freely).
 */
public final class OrderedAccumulator
        extends Accumulator
{
    private final Accumulator inner;
    private final int argumentCount;
    private final List<DataType> keyTypes;
    private final List<SortKey> keys;
    private final ColumnStore store;
    private int[] storeGroups = new int[64];
    private int[] positions = new int[64];
    private boolean fed;

    /** {@code keys} refer to the key columns passed to {@link #addWithKeys} in order (their column field is unused). */
    public OrderedAccumulator(Accumulator inner, List<DataType> argumentTypes, List<DataType> keyTypes, List<SortKey> keys, BufferAllocator allocator)
    {
        super(inner.resultType());
        this.inner = requireNonNull(inner, "inner is null");
        this.argumentCount = argumentTypes.size();
        this.keyTypes = List.copyOf(keyTypes);
        this.keys = List.copyOf(keys);
        List<DataType> types = new ArrayList<>(argumentTypes);
        types.addAll(keyTypes);
        this.store = new ColumnStore(types, requireNonNull(allocator, "allocator is null"));
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        inner.ensureCapacity(groupCount);
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        throw new IllegalStateException("an ordered aggregate needs its sort keys: use addWithKeys");
    }

    @Override
    public void add(FieldVector[] inputs, int[] rows, int count, int[] groupIds)
    {
        throw new IllegalStateException("an ordered aggregate needs its sort keys: use addWithKeys");
    }

    /** Buffers rows: {@code columns} are the arguments followed by the sort keys. */
    public void addWithKeys(List<FieldVector> columns, int[] rows, int count, int[] groupIds)
    {
        if (fed) {
            throw new IllegalStateException("input after results were written");
        }
        if (count == 0) {
            return;
        }
        if (positions.length < count) {
            positions = new int[Math.max(count, 2 * positions.length)];
        }
        for (int i = 0; i < count; i++) {
            positions[i] = rows == null ? i : rows[i];
        }
        int base = store.rowCount();
        if (storeGroups.length < base + count) {
            storeGroups = Arrays.copyOf(storeGroups, Math.max(base + count, 2 * storeGroups.length));
        }
        System.arraycopy(groupIds, 0, storeGroups, base, count);
        store.append(columns, positions, count);
    }

    private void feed()
    {
        if (fed) {
            return;
        }
        fed = true;
        int rowCount = store.rowCount();
        if (rowCount == 0) {
            return;
        }
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        List<SortColumn> sortColumns = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            SortKey key = keys.get(k);
            sortColumns.add(new SortColumn(store.vector(argumentCount + k), keyTypes.get(k), key.ascending(), key.nullsFirst(), rowCount));
        }
        IndexSorter.sort(order, rowCount, sortColumns);
        // rows with equal keys keep arrival order (IndexSorter does not promise it)
        int runStart = 0;
        for (int i = 1; i <= rowCount; i++) {
            if (i == rowCount || compare(sortColumns, order[i], order[runStart]) != 0) {
                if (i - runStart > 1) {
                    Arrays.sort(order, runStart, i);
                }
                runStart = i;
            }
        }
        int[] groups = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            groups[i] = storeGroups[order[i]];
        }
        FieldVector[] arguments = new FieldVector[argumentCount];
        for (int a = 0; a < argumentCount; a++) {
            arguments[a] = store.vector(a);
        }
        inner.add(arguments, order, rowCount, groups);
    }

    private static int compare(List<SortColumn> columns, int left, int right)
    {
        for (SortColumn column : columns) {
            int c = column.compare(left, right);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        feed();
        inner.write(from, count, output);
    }

    @Override
    public long bytes()
    {
        return inner.bytes() + 4L * (storeGroups.length + positions.length);
    }

    @Override
    public void close()
    {
        store.close();
        inner.close();
    }
}

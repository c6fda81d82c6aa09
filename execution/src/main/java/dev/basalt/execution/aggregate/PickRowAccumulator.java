package dev.basalt.execution.aggregate;

import dev.basalt.execution.sort.SortColumn;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Aggregates whose result is one input row's value: FIRST, LAST (NULLs included), ANY_VALUE (first non-NULL),
 * ARG_MIN / ARG_MAX(arg, value) (arg of the least/greatest value; rows with a NULL arg or value are skipped, ties
 * keep the earliest row, as DuckDB). Each batch is reduced to at most one candidate row per group, which is copied
 * to a column store; the pick per group is a store row. Rows arrive in input order (or the call's ORDER BY, see
 * {@link OrderedAccumulator}).
 */
public final class PickRowAccumulator
        extends Accumulator
{
    private final AggregateFunction function;
    private final DataType argumentType;
    private final DataType valueType;
    private final BufferAllocator allocator;
    private ColumnStore store;
    /** Per group: the picked store row, -1 for none. */
    private int[] picked = new int[0];
    /** Per group: the candidate position in the current batch, -1 for none. */
    private int[] candidate = new int[0];
    private int[] touched = new int[64];
    private int[] positions = new int[64];
    private int[] storeGroups = new int[64];

    public PickRowAccumulator(AggregateFunction function, DataType argumentType, DataType valueType, BufferAllocator allocator)
    {
        super(argumentType);
        this.function = requireNonNull(function, "function is null");
        this.argumentType = requireNonNull(argumentType, "argumentType is null");
        this.valueType = valueType;
        this.allocator = allocator;
        boolean byValue = function == AggregateFunction.ARG_MIN || function == AggregateFunction.ARG_MAX;
        if (byValue != (valueType != null)) {
            throw new IllegalArgumentException(function + ": value type mismatch");
        }
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (picked.length < groupCount) {
            int old = picked.length;
            int capacity = Math.max(groupCount, 2 * old);
            picked = Arrays.copyOf(picked, capacity);
            candidate = Arrays.copyOf(candidate, capacity);
            Arrays.fill(picked, old, capacity, -1);
            Arrays.fill(candidate, old, capacity, -1);
        }
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        add(new FieldVector[] {input}, rows, count, groupIds);
    }

    @Override
    public void add(FieldVector[] inputs, int[] rows, int count, int[] groupIds)
    {
        if (count == 0) {
            return;
        }
        FieldVector argument = inputs[0];
        MemorySegment argumentValidity = Vectors.validity(argument);
        int touchedCount = 0;
        if (touched.length < count) {
            touched = new int[Math.max(count, 2 * touched.length)];
        }
        switch (function) {
            case FIRST, ANY_VALUE -> {
                boolean skipNulls = function == AggregateFunction.ANY_VALUE;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    int g = groupIds[i];
                    if (picked[g] >= 0 || candidate[g] >= 0 || (skipNulls && !Bitmaps.isSet(argumentValidity, p))) {
                        continue;
                    }
                    candidate[g] = p;
                    touched[touchedCount++] = g;
                }
            }
            case LAST -> {
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    int g = groupIds[i];
                    if (candidate[g] < 0) {
                        touched[touchedCount++] = g;
                    }
                    candidate[g] = p;
                }
            }
            case ARG_MIN, ARG_MAX -> {
                FieldVector value = inputs[1];
                MemorySegment valueValidity = Vectors.validity(value);
                SortColumn keys = null;
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    if (!Bitmaps.isSet(argumentValidity, p) || !Bitmaps.isSet(valueValidity, p)) {
                        continue;
                    }
                    if (keys == null) {
                        keys = new SortColumn(value, valueType, true, false, value.getValueCount());
                    }
                    int g = groupIds[i];
                    int current = candidate[g];
                    if (current < 0) {
                        touched[touchedCount++] = g;
                        candidate[g] = p;
                    }
                    else {
                        int c = keys.compare(p, current);
                        if (function == AggregateFunction.ARG_MIN ? c < 0 : c > 0) {
                            candidate[g] = p;
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("not a pick aggregate: " + function);
        }
        if (touchedCount == 0) {
            return;
        }
        if (positions.length < touchedCount) {
            positions = new int[Math.max(touchedCount, 2 * positions.length)];
        }
        for (int i = 0; i < touchedCount; i++) {
            int g = touched[i];
            positions[i] = candidate[g];
            candidate[g] = -1;
        }
        ColumnStore target = store();
        int base = target.rowCount();
        List<FieldVector> columns = new ArrayList<>(2);
        columns.add(argument);
        if (valueType != null) {
            columns.add(inputs[1]);
        }
        target.append(columns, positions, touchedCount);
        if (storeGroups.length < base + touchedCount) {
            storeGroups = Arrays.copyOf(storeGroups, Math.max(base + touchedCount, 2 * storeGroups.length));
        }
        for (int i = 0; i < touchedCount; i++) {
            int g = touched[i];
            storeGroups[base + i] = g;
            // FIRST / ANY_VALUE only store a row for a group without one; LAST's newest row wins; ARG_* decide at the end
            if (function != AggregateFunction.ARG_MIN && function != AggregateFunction.ARG_MAX) {
                picked[g] = base + i;
            }
        }
    }

    private ColumnStore store()
    {
        if (store == null) {
            requireNonNull(allocator, "allocator is null");
            store = new ColumnStore(valueType == null ? List.of(argumentType) : List.of(argumentType, valueType), allocator);
        }
        return store;
    }

    private boolean decided;

    /** ARG_MIN / ARG_MAX: the best of each group's per-batch candidates, once all input is in. */
    private void decide()
    {
        if (decided) {
            return;
        }
        decided = true;
        if (valueType == null || store == null || store.rowCount() == 0) {
            return;
        }
        int rowCount = store.rowCount();
        SortColumn keys = new SortColumn(store.vector(1), valueType, true, false, rowCount);
        for (int row = 0; row < rowCount; row++) {
            int g = storeGroups[row];
            int current = picked[g];
            if (current < 0) {
                picked[g] = row;
            }
            else {
                int c = keys.compare(row, current);
                if (function == AggregateFunction.ARG_MIN ? c < 0 : c > 0) {
                    picked[g] = row;
                }
            }
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        decide();
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = picked[from + i];
        }
        Vectors.ensureCapacity(output, argumentType, count);
        if (store == null) {
            // no row at all: every group is NULL
            Arrays.fill(rows, -1);
            try (ColumnStore empty = new ColumnStore(List.of(argumentType), output.getAllocator())) {
                VectorCopier.copy(argumentType, empty.vector(0), null, rows, count, output, 0);
            }
            return;
        }
        VectorCopier.copy(argumentType, store.vector(0), store.validity(0), rows, count, output, 0);
    }

    @Override
    public long bytes()
    {
        return 8L * picked.length + 4L * (touched.length + positions.length + storeGroups.length);
    }

    @Override
    public void close()
    {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}

package dev.basalt.execution.operator;

import dev.basalt.execution.aggregate.Accumulator;
import dev.basalt.execution.aggregate.Accumulators;
import dev.basalt.execution.aggregate.DistinctFilter;
import dev.basalt.execution.hash.GroupByHash;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Hash aggregation. Group keys map to dense group ids ({@link GroupByHash}: a single integer-like key, packed small
 * keys, or multi-word keys with string dictionaries); the first row of each group is copied to a key store;
 * aggregate states live in primitive arrays indexed by group id. Without keys it is a global aggregate that uses
 * the reduction kernels and returns one row even for empty input. DISTINCT aggregates see each (group, value)
 * once. Output: batches of up to 4096 groups, keys then aggregates.
 */
public final class HashAggregateOperator
        implements Operator
{
    /**
     * Up to this many groups, a batch is partitioned by group and each group reduced with kernels (register
     * accumulators); per-row scatter into a few hot slots would serialize on store-to-load forwarding.
     */
    private static final int SMALL_GROUP_COUNT = 16;

    private final OperatorContext context;
    private final Operator source;
    private final List<Integer> keys;
    private final List<AggregateCall> aggregates;
    private final List<Column> outputColumns;
    private final boolean global;
    private final GroupByHash groupBy;
    private final Accumulator[] accumulators;
    private final DistinctFilter[] distinct;
    private ColumnStore keyStore;
    private int[] groupIds = new int[0];
    private int[] distinctRows = new int[0];
    private int[] distinctGroups = new int[0];
    private int[] firstRow = new int[0];
    private int[] groupSizes = new int[SMALL_GROUP_COUNT];
    private int[][] groupRows = new int[SMALL_GROUP_COUNT][0];
    private long reservedHeap;
    private boolean consumed;
    private int emitted;
    private boolean closed;

    public HashAggregateOperator(OperatorContext context, HashAggregate plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.keys = plan.groupingKeys();
        this.aggregates = plan.aggregates();
        this.outputColumns = plan.outputColumns();
        this.global = keys.isEmpty();
        List<Column> input = plan.source().outputColumns();
        List<DataType> keyTypes = new ArrayList<>();
        for (int key : keys) {
            keyTypes.add(input.get(key).type());
        }
        this.groupBy = global ? null : new GroupByHash(keyTypes, 1024);
        this.accumulators = new Accumulator[aggregates.size()];
        this.distinct = new DistinctFilter[aggregates.size()];
        for (int i = 0; i < accumulators.length; i++) {
            AggregateCall call = aggregates.get(i);
            DataType inputType = call.arguments().isEmpty() ? null : input.get(call.arguments().get(0)).type();
            accumulators[i] = Accumulators.create(call, inputType);
            if (call.distinct() && inputType != null) {
                distinct[i] = new DistinctFilter(inputType);
            }
            if (global) {
                accumulators[i].ensureCapacity(1);
            }
        }
        if (!global) {
            keyStore = new ColumnStore(keyTypes, context.allocator());
        }
    }

    @Override
    public ColumnBatch next()
    {
        if (!consumed) {
            while (true) {
                ColumnBatch batch = source.next();
                if (batch == null) {
                    break;
                }
                try (batch) {
                    if (batch.rowCount() > 0) {
                        add(batch);
                    }
                }
            }
            consumed = true;
        }
        int groups = global ? 1 : groupBy.groupCount();
        if (emitted >= groups) {
            return null;
        }
        int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, groups - emitted);
        List<FieldVector> vectors = new ArrayList<>(outputColumns.size());
        try {
            if (!global) {
                int[] rows = new int[count];
                for (int i = 0; i < count; i++) {
                    rows[i] = emitted + i;
                }
                List<String> names = new ArrayList<>();
                for (int k = 0; k < keys.size(); k++) {
                    names.add(outputColumns.get(k).name());
                }
                vectors.addAll(keyStore.gather(rows, count, names, context.allocator()));
            }
            for (int i = 0; i < accumulators.length; i++) {
                Column column = outputColumns.get(keys.size() + i);
                FieldVector vector = Vectors.create(column.type(), column.name(), context.allocator());
                vectors.add(vector);
                accumulators[i].write(emitted, count, vector);
                vector.setValueCount(count);
            }
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        emitted += count;
        return ColumnBatch.of(vectors, count);
    }

    private void add(ColumnBatch batch)
    {
        int count = batch.rowCount();
        int[] rows = batch.hasSelection() ? batch.selection().positions() : null;
        if (groupIds.length < count) {
            int capacity = Math.max(count, 64);
            groupIds = new int[capacity];
            distinctRows = new int[capacity];
            distinctGroups = new int[capacity];
        }
        if (global) {
            Arrays.fill(groupIds, 0, count, 0);
        }
        else {
            List<FieldVector> keyVectors = new ArrayList<>(keys.size());
            for (int key : keys) {
                keyVectors.add(batch.column(key));
            }
            int before = groupBy.groupCount();
            groupBy.groupIds(keyVectors, rows, count, groupIds);
            int after = groupBy.groupCount();
            if (after > before) {
                storeNewKeys(keyVectors, rows, count, before, after);
            }
            for (Accumulator accumulator : accumulators) {
                accumulator.ensureCapacity(after);
            }
        }
        boolean partitioned = !global && groupBy.groupCount() <= SMALL_GROUP_COUNT && partitionByGroup(rows, count);
        for (int i = 0; i < accumulators.length; i++) {
            AggregateCall call = aggregates.get(i);
            FieldVector input = call.arguments().isEmpty() ? null : batch.column(call.arguments().get(0));
            if (distinct[i] != null) {
                int n = distinct[i].filter(input, rows, count, groupIds, distinctRows, distinctGroups);
                accumulators[i].add(input, distinctRows, n, distinctGroups);
            }
            else if (global) {
                accumulators[i].addToGroup(input, rows, count, 0);
            }
            else if (partitioned) {
                for (int g = 0; g < groupBy.groupCount(); g++) {
                    if (groupSizes[g] > 0) {
                        accumulators[i].addToGroup(input, groupRows[g], groupSizes[g], g);
                    }
                }
            }
            else {
                accumulators[i].add(input, rows, count, groupIds);
            }
        }
        reserveHeap();
    }

    /** Splits the batch's rows (ascending) by group into {@link #groupRows}; false when not worth it. */
    private boolean partitionByGroup(int[] rows, int count)
    {
        int groups = groupBy.groupCount();
        java.util.Arrays.fill(groupSizes, 0, groups, 0);
        for (int i = 0; i < count; i++) {
            groupSizes[groupIds[i]]++;
        }
        for (int g = 0; g < groups; g++) {
            if (groupRows[g].length < groupSizes[g]) {
                groupRows[g] = new int[Math.max(groupSizes[g], ColumnBatch.DEFAULT_ROW_COUNT)];
            }
            groupSizes[g] = 0;
        }
        for (int i = 0; i < count; i++) {
            int g = groupIds[i];
            groupRows[g][groupSizes[g]++] = rows == null ? i : rows[i];
        }
        return true;
    }

    /** Copies the first row of each new group (ids before..after-1) to the key store, in id order. */
    private void storeNewKeys(List<FieldVector> keyVectors, int[] rows, int count, int before, int after)
    {
        int newGroups = after - before;
        if (firstRow.length < newGroups) {
            firstRow = new int[Math.max(newGroups, 64)];
        }
        Arrays.fill(firstRow, 0, newGroups, -1);
        for (int i = 0; i < count; i++) {
            int id = groupIds[i] - before;
            if (id >= 0 && firstRow[id] < 0) {
                firstRow[id] = rows == null ? i : rows[i];
            }
        }
        keyStore.append(keyVectors, firstRow, newGroups);
    }

    private void reserveHeap()
    {
        long bytes = 12L * groupIds.length + 4L * firstRow.length;
        for (int[] partition : groupRows) {
            bytes += 4L * partition.length;
        }
        if (groupBy != null) {
            bytes += groupBy.bytes();
        }
        for (int i = 0; i < accumulators.length; i++) {
            bytes += accumulators[i].bytes();
            if (distinct[i] != null) {
                bytes += distinct[i].bytes();
            }
        }
        if (bytes > reservedHeap) {
            context.reserveHeap(bytes - reservedHeap);
            reservedHeap = bytes;
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(keyStore).add(source).add(context).close();
    }
}

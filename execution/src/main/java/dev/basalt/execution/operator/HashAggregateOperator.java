package dev.basalt.execution.operator;

import dev.basalt.execution.aggregate.Accumulator;
import dev.basalt.execution.aggregate.Accumulators;
import dev.basalt.execution.aggregate.DistinctFilter;
import dev.basalt.execution.aggregate.OrderedAccumulator;
import dev.basalt.execution.hash.GroupByHash;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
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
    private int[] filterRows = new int[0];
    private int[] filterGroups = new int[0];
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
            List<DataType> inputTypes = new ArrayList<>();
            for (int argument : call.arguments()) {
                inputTypes.add(input.get(argument).type());
            }
            List<DataType> orderTypes = new ArrayList<>();
            for (dev.basalt.planner.plan.SortKey key : call.orderBy()) {
                orderTypes.add(input.get(key.column()).type());
            }
            accumulators[i] = Accumulators.create(call, inputTypes, orderTypes, context.allocator());
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

    /**
     * Whether per-thread partial aggregations of this plan can be merged ({@link #mergeFrom}): every accumulator
     * merges and no aggregate is DISTINCT (its per-thread filters would let a value through once per thread).
     */
    public static boolean mergeable(HashAggregate plan)
    {
        for (AggregateCall call : plan.aggregates()) {
            if (!mergeable(call)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the accumulator of {@code call} merges: decided by function, so that a new function needs a decision
     * here (the accumulators' own {@code mergeable()} must agree; a test checks it). A call over an input type its
     * function does not support counts as mergeable: building it fails the same way on any number of threads.
     */
    static boolean mergeable(AggregateCall call)
    {
        if (call.distinct() || (!call.orderBy().isEmpty() && call.function().orderSensitive())) {
            return false;
        }
        return switch (call.function()) {
            case COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, BOOL_AND, BOOL_OR, BIT_AND, BIT_OR, BIT_XOR,
                    STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT,
                    REGR_R2, REGR_AVGX, REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY -> true;
            // holistic or order-dependent: their state is not a mergeable summary
            case QUANTILE_CONT, QUANTILE_DISC, MODE, ARG_MIN, ARG_MAX, ANY_VALUE, FIRST, LAST, STRING_AGG -> false;
        };
    }

    /** Reads the whole input into the aggregation state (a parallel worker's partial aggregation). */
    public void consumeInput()
    {
        if (consumed) {
            return;
        }
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

    /**
     * Adds the groups and states of {@code other} (a consumed partial aggregation of the same plan, e.g. of another
     * split of the input) to this consumed one; other is left unchanged (its owner closes it).
     */
    public void mergeFrom(HashAggregateOperator other)
    {
        if (!consumed || !other.consumed || emitted > 0) {
            throw new IllegalStateException("only consumed, not yet emitted aggregations merge");
        }
        int[] targets;
        if (global) {
            targets = new int[] {0};
        }
        else {
            int groups = other.groupBy.groupCount();
            targets = new int[groups];
            List<FieldVector> keyVectors = new ArrayList<>(keys.size());
            for (int k = 0; k < keys.size(); k++) {
                keyVectors.add(other.keyStore.vector(k));
            }
            int[] positions = new int[Math.min(groups, ColumnBatch.DEFAULT_ROW_COUNT)];
            for (int start = 0; start < groups; start += ColumnBatch.DEFAULT_ROW_COUNT) {
                int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, groups - start);
                for (int i = 0; i < count; i++) {
                    positions[i] = start + i;
                }
                if (groupIds.length < count) {
                    groupIds = new int[Math.max(count, 64)];
                }
                int before = groupBy.groupCount();
                groupBy.groupIds(keyVectors, positions, count, groupIds);
                int after = groupBy.groupCount();
                if (after > before) {
                    storeNewKeys(keyVectors, positions, count, before, after);
                }
                System.arraycopy(groupIds, 0, targets, start, count);
            }
            for (Accumulator accumulator : accumulators) {
                accumulator.ensureCapacity(groupBy.groupCount());
            }
        }
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i].merge(other.accumulators[i], targets, targets.length);
        }
        reserveHeap();
    }

    @Override
    public ColumnBatch next()
    {
        consumeInput();
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
            filterRows = new int[capacity];
            filterGroups = new int[capacity];
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
            FieldVector[] inputs = new FieldVector[call.arguments().size()];
            for (int a = 0; a < inputs.length; a++) {
                inputs[a] = batch.column(call.arguments().get(a));
            }
            FieldVector input = inputs.length == 0 ? null : inputs[0];
            // FILTER (WHERE ...) then DISTINCT narrow the rows this aggregate sees
            int[] selectedRows = rows;
            int[] selectedGroups = groupIds;
            int selected = count;
            boolean narrowed = false;
            if (call.filter().isPresent()) {
                selected = selectFiltered(batch.column(call.filter().get()), rows, count);
                selectedRows = filterRows;
                selectedGroups = filterGroups;
                narrowed = true;
            }
            if (distinct[i] != null) {
                selected = distinct[i].filter(input, selectedRows, selected, selectedGroups, distinctRows, distinctGroups);
                selectedRows = distinctRows;
                selectedGroups = distinctGroups;
                narrowed = true;
            }
            if (accumulators[i] instanceof OrderedAccumulator ordered) {
                List<FieldVector> columns = new ArrayList<>(List.of(inputs));
                for (dev.basalt.planner.plan.SortKey key : call.orderBy()) {
                    columns.add(batch.column(key.column()));
                }
                ordered.addWithKeys(columns, selectedRows, selected, selectedGroups);
            }
            else if (narrowed) {
                accumulators[i].add(inputs, selectedRows, selected, selectedGroups);
            }
            else if (global) {
                accumulators[i].addToGroup(inputs, rows, count, 0);
            }
            else if (partitioned) {
                for (int g = 0; g < groupBy.groupCount(); g++) {
                    if (groupSizes[g] > 0) {
                        accumulators[i].addToGroup(inputs, groupRows[g], groupSizes[g], g);
                    }
                }
            }
            else {
                accumulators[i].add(inputs, rows, count, groupIds);
            }
        }
        reserveHeap();
    }

    /** Writes the rows whose FILTER column is TRUE (not FALSE or NULL) to filterRows / filterGroups; returns how many. */
    private int selectFiltered(FieldVector filter, int[] rows, int count)
    {
        MemorySegment data = Vectors.data(filter);
        MemorySegment validity = Vectors.validity(filter);
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (Bitmaps.isSet(validity, p) && Bitmaps.get(data, p)) {
                filterRows[n] = p;
                filterGroups[n] = groupIds[i];
                n++;
            }
        }
        return n;
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
        Closer closer = new Closer().add(keyStore);
        for (Accumulator accumulator : accumulators) {
            closer.add(accumulator);
        }
        closer.add(source).add(context).close();
    }
}

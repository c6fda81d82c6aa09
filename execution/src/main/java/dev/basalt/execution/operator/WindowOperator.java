package dev.basalt.execution.operator;

import dev.basalt.execution.sort.SortColumn;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.window.WindowFunctionComputer;
import dev.basalt.execution.window.WindowLayout;
import dev.basalt.execution.window.WindowResult;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.Window;
import dev.basalt.planner.plan.WindowFunctionCall;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Window functions sharing one PARTITION BY / ORDER BY. Materializes the input into a {@link ColumnStore}, sorts
 * row indexes by partition keys then ORDER BY keys (the Sort machinery), finds partition and peer boundaries
 * ({@link WindowLayout}), computes every function for all rows into primitive arrays
 * ({@link WindowFunctionComputer}), then emits ~4096-row batches in window order: the source columns, then one
 * column per function.
 */
public final class WindowOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private final List<Integer> partitionBy;
    private final List<SortKey> orderBy;
    private final List<WindowFunctionCall> functions;
    private final List<Column> outputColumns;
    private final List<DataType> sourceTypes;
    private final List<String> sourceNames;
    private ColumnStore store;
    private int[] order;
    private WindowResult[] results;
    private WindowFunctionComputer computer;
    private int emitted;
    private boolean closed;

    public WindowOperator(OperatorContext context, Window plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.partitionBy = plan.partitionBy();
        this.orderBy = plan.orderBy();
        this.functions = plan.functions();
        this.outputColumns = plan.outputColumns();
        this.sourceTypes = SortOperator.types(plan.source().outputColumns());
        this.sourceNames = new ArrayList<>();
        for (int i = 0; i < sourceTypes.size(); i++) {
            sourceNames.add(outputColumns.get(i).name());
        }
    }

    @Override
    public ColumnBatch next()
    {
        if (order == null) {
            materialize();
        }
        if (emitted >= order.length) {
            if (store != null) {
                store.close();
            }
            return null;
        }
        int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, order.length - emitted);
        int[] rows = Arrays.copyOfRange(order, emitted, emitted + count);
        List<FieldVector> vectors = new ArrayList<>(outputColumns.size());
        try {
            vectors.addAll(store.gather(rows, count, sourceNames, context.allocator()));
            for (int f = 0; f < results.length; f++) {
                Column column = outputColumns.get(sourceTypes.size() + f);
                vectors.add(results[f].write(column.type(), emitted, count, column.name(), context.allocator()));
            }
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        emitted += count;
        return ColumnBatch.of(vectors, count);
    }

    private void materialize()
    {
        store = new ColumnStore(sourceTypes, context.allocator());
        while (true) {
            ColumnBatch batch = source.next();
            if (batch == null) {
                break;
            }
            try (batch) {
                store.append(batch);
            }
        }
        int n = store.rowCount();
        List<SortKey> keys = new ArrayList<>();
        for (int column : partitionBy) {
            keys.add(new SortKey(column, true, true));
        }
        keys.addAll(orderBy);
        int[] sorted = SortOperator.sortedRows(context, store, keys, n);
        // heap: layout arrays, two frame arrays, and up to ~3 arrays of 8 bytes per function
        context.reserveHeap(n * (WindowLayout.bytesPerRow() + 8L + 24L * functions.size()));
        List<SortColumn> partitionKeys = new ArrayList<>();
        for (int column : partitionBy) {
            partitionKeys.add(new SortColumn(store.vector(column), sourceTypes.get(column), true, true, n));
        }
        List<SortColumn> orderKeys = new ArrayList<>();
        List<FieldVector> orderColumns = new ArrayList<>();
        List<DataType> orderTypes = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        for (SortKey key : orderBy) {
            orderKeys.add(new SortColumn(store.vector(key.column()), sourceTypes.get(key.column()), key.ascending(), key.nullsFirst(), n));
            orderColumns.add(store.vector(key.column()));
            orderTypes.add(sourceTypes.get(key.column()));
            ascending.add(key.ascending());
        }
        WindowLayout layout = new WindowLayout(sorted, partitionKeys, orderKeys, orderColumns, orderTypes, ascending);
        computer = new WindowFunctionComputer(layout, store, context.allocator());
        results = new WindowResult[functions.size()];
        for (int f = 0; f < results.length; f++) {
            results[f] = computer.compute(functions.get(f));
        }
        order = sorted;
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(computer).add(store).add(source).add(context).close();
    }
}

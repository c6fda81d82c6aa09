package dev.basalt.execution.operator;

import dev.basalt.execution.sort.IndexSorter;
import dev.basalt.execution.sort.SortColumn;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Sorts all input rows: compacts them into a {@link ColumnStore}, sorts row indexes with primitive keys
 * ({@link IndexSorter}), then gathers output batches of ~4096 rows in order.
 */
public final class SortOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private final List<SortKey> keys;
    private final List<Column> columns;
    private final List<String> names;
    private ColumnStore store;
    private int[] order;
    private int emitted;
    private boolean closed;

    public SortOperator(OperatorContext context, Sort plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.keys = plan.keys();
        this.columns = plan.outputColumns();
        this.names = columns.stream().map(Column::name).toList();
    }

    static List<DataType> types(List<Column> columns)
    {
        List<DataType> types = new ArrayList<>(columns.size());
        for (Column column : columns) {
            types.add(column.type());
        }
        return types;
    }

    @Override
    public ColumnBatch next()
    {
        if (order == null) {
            store = new ColumnStore(types(columns), context.allocator());
            while (true) {
                ColumnBatch batch = source.next();
                if (batch == null) {
                    break;
                }
                try (batch) {
                    store.append(batch);
                }
            }
            order = sortedRows(context, store, keys, store.rowCount());
        }
        if (emitted >= order.length) {
            // everything was emitted: release the buffered rows now rather than at close
            if (store != null) {
                store.close();
            }
            return null;
        }
        int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, order.length - emitted);
        int[] rows = Arrays.copyOfRange(order, emitted, emitted + count);
        emitted += count;
        List<FieldVector> vectors = store.gather(rows, count, names, context.allocator());
        return ColumnBatch.of(vectors, count);
    }

    /** The store's rows 0..rowCount-1 in sort order. */
    static int[] sortedRows(OperatorContext context, ColumnStore store, List<SortKey> keys, int rowCount)
    {
        context.reserveHeap(IndexSorter.bytesPerRow(keys.size()) * rowCount);
        List<SortColumn> sortColumns = new ArrayList<>(keys.size());
        for (SortKey key : keys) {
            sortColumns.add(new SortColumn(store.vector(key.column()), store.types().get(key.column()), key.ascending(), key.nullsFirst(), rowCount));
        }
        int[] rows = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            rows[i] = i;
        }
        IndexSorter.sort(rows, rowCount, sortColumns);
        return rows;
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(store).add(source).add(context).close();
    }
}

package dev.basalt.execution.operator;

import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TopN;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The first N rows in key order without sorting everything: input rows collect in a buffer that is cut back to
 * its best N rows (sort + compact) whenever it reaches 2N + 4096 rows, so memory stays O(N) and the work is
 * O(rows log N) amortized.
 */
public final class TopNOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private final List<SortKey> keys;
    private final List<Column> columns;
    private final List<String> names;
    private final long count;
    private ColumnStore store;
    private int[] order;
    private int emitted;
    private boolean closed;

    public TopNOperator(OperatorContext context, TopN plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.keys = plan.keys();
        this.columns = plan.outputColumns();
        this.names = columns.stream().map(Column::name).toList();
        this.count = plan.count();
    }

    @Override
    public ColumnBatch next()
    {
        if (count == 0) {
            return null;
        }
        if (order == null) {
            store = new ColumnStore(SortOperator.types(columns), context.allocator());
            long threshold = count < Integer.MAX_VALUE / 4 ? 2 * count + ColumnBatch.DEFAULT_ROW_COUNT : Long.MAX_VALUE;
            while (true) {
                ColumnBatch batch = source.next();
                if (batch == null) {
                    break;
                }
                try (batch) {
                    store.append(batch);
                }
                if (store.rowCount() >= threshold) {
                    compact();
                }
            }
            int[] sorted = SortOperator.sortedRows(context, store, keys, store.rowCount());
            order = Arrays.copyOf(sorted, (int) Math.min(sorted.length, count));
        }
        if (emitted >= order.length) {
            // everything was emitted: release the buffered rows now rather than at close
            if (store != null) {
                store.close();
            }
            return null;
        }
        int batchRows = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, order.length - emitted);
        int[] rows = Arrays.copyOfRange(order, emitted, emitted + batchRows);
        emitted += batchRows;
        List<FieldVector> vectors = store.gather(rows, batchRows, names, context.allocator());
        return ColumnBatch.of(vectors, batchRows);
    }

    /** Keeps only the best {@code count} rows of the buffer. */
    private void compact()
    {
        long reserved = context.heapReserved();
        int[] sorted = SortOperator.sortedRows(context, store, keys, store.rowCount());
        context.releaseHeap(context.heapReserved() - reserved);
        int kept = (int) Math.min(sorted.length, count);
        ColumnStore smaller = new ColumnStore(store.types(), context.allocator());
        try {
            List<FieldVector> all = new java.util.ArrayList<>();
            for (int c = 0; c < store.columnCount(); c++) {
                all.add(store.vector(c));
            }
            smaller.append(all, sorted, kept);
        }
        catch (RuntimeException e) {
            smaller.close();
            throw e;
        }
        store.close();
        store = smaller;
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

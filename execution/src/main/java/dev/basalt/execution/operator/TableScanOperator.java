package dev.basalt.execution.operator;

import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.ScanSplit;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import static java.util.Objects.requireNonNull;

/** Streams a table's batches from storage, passing the scan spec (columns, zone-map predicates, row ids, index lookup) down. */
public final class TableScanOperator
        implements Operator
{
    private final OperatorContext context;
    private final TableScan plan;
    private final Table table;
    private final ScanSpec spec;
    /** Set when this scan drives one worker of a parallel pipeline: the worker stops at its next batch once asked to. */
    private final ParallelScope scope;
    private CloseableIterator<ColumnBatch> batches;
    private boolean finished;
    private boolean closed;

    public TableScanOperator(OperatorContext context, TableScan plan, Catalog catalog)
    {
        this(context, plan, catalog, ScanSplit.ALL, null);
    }

    /** A scan of one split of the table, stopped through {@code scope} (null = not part of a parallel pipeline). */
    public TableScanOperator(OperatorContext context, TableScan plan, Catalog catalog, ScanSplit split, ParallelScope scope)
    {
        this.context = requireNonNull(context, "context is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.spec = plan.spec().withSplit(requireNonNull(split, "split is null"));
        this.scope = scope;
        this.table = catalog.getTable(plan.table())
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "relation \"" + plan.table() + "\" does not exist"));
    }

    @Override
    public ColumnBatch next()
    {
        if (finished) {
            return null;
        }
        if (scope != null) {
            scope.checkRunning();
        }
        open();
        while (batches.hasNext()) {
            ColumnBatch batch = batches.next();
            if (batch.rowCount() > 0) {
                return batch;
            }
            batch.close();
        }
        finished = true;
        return null;
    }

    /** Opens the storage scan (pins its snapshot) now; the splits of a parallel scan are opened together, up front. */
    public void open()
    {
        if (batches == null) {
            batches = table.scan(spec, context.allocator());
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(batches).add(context).close();
    }
}

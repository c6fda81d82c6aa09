package dev.basalt.execution.operator;

import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
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
    private CloseableIterator<ColumnBatch> batches;
    private boolean finished;
    private boolean closed;

    public TableScanOperator(OperatorContext context, TableScan plan, Catalog catalog)
    {
        this.context = requireNonNull(context, "context is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.table = catalog.getTable(plan.table())
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "relation \"" + plan.table() + "\" does not exist"));
    }

    @Override
    public ColumnBatch next()
    {
        if (finished) {
            return null;
        }
        if (batches == null) {
            batches = table.scan(plan.spec(), context.allocator());
        }
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

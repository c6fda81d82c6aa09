package dev.basalt.execution.operator;

import dev.basalt.execution.memory.WorkTables.WorkTable;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.planner.plan.WorkTableScan;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads the previous iteration's rows of the enclosing recursive union, copied out in batches of ~4096 rows (the
 * union keeps owning the work table, which may be read by more than one scan).
 */
public final class WorkTableScanOperator
        implements Operator
{
    private final OperatorContext context;
    private final WorkTable table;
    private final List<String> names;
    private int emitted;
    private boolean closed;

    public WorkTableScanOperator(OperatorContext context, WorkTableScan plan, WorkTable table)
    {
        this.context = requireNonNull(context, "context is null");
        this.table = requireNonNull(table, "table is null");
        this.names = plan.outputColumns().stream().map(Column::name).toList();
    }

    @Override
    public ColumnBatch next()
    {
        ColumnStore rows = table.rows();
        if (rows == null || emitted >= rows.rowCount()) {
            return null;
        }
        int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, rows.rowCount() - emitted);
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = emitted + i;
        }
        emitted += count;
        List<FieldVector> vectors = rows.gather(positions, count, names, context.allocator());
        return ColumnBatch.of(vectors, count);
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        context.close();
    }
}

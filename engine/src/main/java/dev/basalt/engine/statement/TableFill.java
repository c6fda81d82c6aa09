package dev.basalt.engine.statement;

import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;

/**
 * Runs a plan whose output is in table column order and types and appends its rows to a table, all or nothing:
 * the writer commits only after the last batch, and any failure closes it uncommitted.
 */
final class TableFill
{
    private TableFill() {}

    static long run(PhysicalPlan plan, Table table, StatementContext context)
    {
        TableSchema schema = table.schema();
        try (QueryMemory memory = context.newQueryMemory();
                CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, new ExecutionContext(memory.allocator(), context.catalog()));
                TableWriter writer = table.newWriter(memory.allocator())) {
            long rows = 0;
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    if (batch.rowCount() == 0) {
                        continue;
                    }
                    NotNullCheck.check(schema, batch);
                    writer.append(batch);
                    rows += batch.rowCount();
                }
            }
            writer.commit();
            return rows;
        }
    }
}

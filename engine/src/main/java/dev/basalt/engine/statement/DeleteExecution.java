package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.parser.tree.Delete;
import dev.basalt.planner.DeletePlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.catalog.TriggerDefinition;

import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** DELETE FROM t [WHERE ...]: the planner finds the row ids, the table's writer deletes them all at once. */
public final class DeleteExecution implements StatementExecution
{
    private final Delete statement;

    public DeleteExecution(Delete statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        Table table = Names.existingTable(context.catalog(), statement.table());
        DeletePlan plan = context.planner().planDelete(statement, context.parameters());
        try (QueryMemory memory = context.newQueryMemory()) {
            RowIds rowIds = new RowIds();
            try (CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan.plan(), new ExecutionContext(memory.allocator(), context.catalog()))) {
                while (batches.hasNext()) {
                    try (ColumnBatch batch = batches.next()) {
                        rowIds.addAll(batch, 0);
                    }
                }
            }
            if (rowIds.count() == 0) {
                return new UpdateCountResult(0);
            }
            Triggers triggers = Triggers.of(context, table.schema(), TriggerDefinition.Event.DELETE, Set.of());
            List<Object[]> oldValues = null;
            if (!triggers.isEmpty()) {
                oldValues = Triggers.readRows(table, rowIds.ids(), rowIds.count(), memory.allocator());
                triggers.fireBefore(oldValues, null);
            }
            try (TableWriter writer = table.newWriter(memory.allocator())) {
                writer.delete(rowIds.ids(), rowIds.count());
                writer.commit();
            }
            if (!triggers.isEmpty()) {
                triggers.fireAfter(oldValues, null);
            }
            return new UpdateCountResult(rowIds.count());
        }
    }
}

package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.parser.tree.Assignment;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.parser.tree.Update;
import dev.basalt.planner.UpdatePlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * UPDATE t SET ... [WHERE ...]: a delete of the old rows plus an append of the new ones, in one writer. The
 * planner reads every target row (row id + new values) from one snapshot before anything is written, so the
 * statement never sees its own changes. New rows are checked for NOT NULL and unique keys (old rows of the
 * statement no longer count).
 */
public final class UpdateExecution implements StatementExecution
{
    private final Update statement;

    public UpdateExecution(Update statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        Table table = Names.existingTable(context.catalog(), statement.table());
        checkAssignments(table.schema(), context.settings().sqliteCompatibility());
        UpdatePlan plan = context.planner().planUpdate(statement, context.parameters());
        int columns = table.schema().columnCount();
        try (QueryMemory memory = context.newQueryMemory()) {
            List<ColumnBatch> batches = new ArrayList<>();
            try {
                RowIds rowIds = new RowIds();
                try (CloseableIterator<ColumnBatch> results = PlanExecutor.execute(plan.plan(), new ExecutionContext(memory.allocator(), context.catalog()))) {
                    while (results.hasNext()) {
                        ColumnBatch batch = results.next();
                        batches.add(batch);
                        rowIds.addAll(batch, 0);
                    }
                }
                if (rowIds.count() == 0) {
                    return new UpdateCountResult(0);
                }
                // views of the new values (columns 1..n); the batches above keep owning the vectors
                List<ColumnBatch> newRows = new ArrayList<>(batches.size());
                for (ColumnBatch batch : batches) {
                    newRows.add(ColumnBatch.of(batch.columns().subList(1, columns + 1), batch.physicalRowCount(), batch.selection()));
                }
                Set<String> assigned = new HashSet<>();
                for (Assignment assignment : statement.assignments()) {
                    assigned.add(assignment.column().value());
                }
                Triggers triggers = Triggers.of(context, table.schema(), TriggerDefinition.Event.UPDATE, assigned);
                List<Object[]> oldValues = null;
                List<Object[]> newValues = null;
                if (!triggers.isEmpty()) {
                    oldValues = Triggers.readRows(table, rowIds.ids(), rowIds.count(), memory.allocator());
                    newValues = new ArrayList<>(rowIds.count());
                    List<DataType> types = Triggers.types(table.schema());
                    for (ColumnBatch batch : batches) {
                        Triggers.addRows(batch, 1, types, newValues);
                    }
                    triggers.fireBefore(oldValues, newValues);
                }
                try (TableInserter inserter = TableInserter.open(context, table, ConflictAction.ERROR, memory.allocator())) {
                    inserter.delete(rowIds.ids(), rowIds.count());
                    inserter.add(newRows);
                    inserter.commit();
                }
                if (!triggers.isEmpty()) {
                    triggers.fireAfter(oldValues, newValues);
                }
                return new UpdateCountResult(rowIds.count());
            }
            finally {
                for (ColumnBatch batch : batches) {
                    batch.close();
                }
            }
        }
    }

    private void checkAssignments(TableSchema schema, boolean sqliteCompatibility)
    {
        Set<Integer> assigned = new HashSet<>();
        for (Assignment assignment : statement.assignments()) {
            String column = assignment.column().value();
            OptionalInt index = schema.indexOf(column);
            if (index.isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + schema.name() + "\" does not exist");
            }
            // the standard forbids assigning a column twice; SQLite ignores all but the rightmost assignment
            if (!assigned.add(index.getAsInt()) && !sqliteCompatibility) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "multiple assignments to same column \"" + column + "\"");
            }
        }
    }
}

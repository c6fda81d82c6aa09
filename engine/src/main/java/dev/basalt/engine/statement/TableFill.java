package dev.basalt.engine.statement;

import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan whose output is in table column order and types and writes its rows to a table, all or nothing
 * (the writer commits only after the last batch; any failure closes it uncommitted), enforcing NOT NULL and
 * unique keys. REPLACE keeps every batch until the end, so that a later row of the statement can replace an
 * earlier one.
 */
final class TableFill
{
    private TableFill() {}

    static long run(PhysicalPlan plan, Table table, StatementContext context)
    {
        return run(plan, table, context, ConflictAction.ERROR);
    }

    static long run(PhysicalPlan plan, Table table, StatementContext context, ConflictAction action)
    {
        try (QueryMemory memory = context.newQueryMemory();
                CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, new ExecutionContext(memory.allocator(), context.catalog()));
                TableInserter inserter = TableInserter.open(context, table, action, memory.allocator())) {
            if (action != ConflictAction.REPLACE) {
                while (batches.hasNext()) {
                    try (ColumnBatch batch = batches.next()) {
                        inserter.add(List.of(batch));
                    }
                }
                return inserter.commit();
            }
            List<ColumnBatch> all = new ArrayList<>();
            try {
                while (batches.hasNext()) {
                    all.add(batches.next());
                }
                inserter.add(all);
                return inserter.commit();
            }
            finally {
                for (ColumnBatch batch : all) {
                    batch.close();
                }
            }
        }
    }

    /**
     * An INSERT on a table with triggers: all new rows are computed first, BEFORE triggers fire per row, the rows
     * are written, then AFTER triggers fire per row. Triggers fire for every row the statement produces (also a row
     * that OR IGNORE then skips).
     */
    static long runWithTriggers(PhysicalPlan plan, Table table, StatementContext context, ConflictAction action, Triggers triggers)
    {
        try (QueryMemory memory = context.newQueryMemory()) {
            List<ColumnBatch> all = new ArrayList<>();
            try {
                List<Object[]> newRows = new ArrayList<>();
                List<dev.basalt.spi.type.DataType> types = Triggers.types(table.schema());
                try (CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, new ExecutionContext(memory.allocator(), context.catalog()))) {
                    while (batches.hasNext()) {
                        ColumnBatch batch = batches.next();
                        all.add(batch);
                        Triggers.addRows(batch, 0, types, newRows);
                    }
                }
                triggers.fireBefore(null, newRows);
                long count;
                try (TableInserter inserter = TableInserter.open(context, table, action, memory.allocator())) {
                    inserter.add(all);
                    count = inserter.commit();
                }
                triggers.fireAfter(null, newRows);
                return count;
            }
            finally {
                for (ColumnBatch batch : all) {
                    batch.close();
                }
            }
        }
    }
}

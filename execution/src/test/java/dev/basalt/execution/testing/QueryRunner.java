package dev.basalt.execution.testing;

import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs plans against a catalog with a fresh allocator and checks that nothing leaked. */
public final class QueryRunner
{
    private QueryRunner() {}

    public static List<List<Object>> run(PhysicalPlan plan, Catalog catalog)
    {
        return run(plan, catalog, Long.MAX_VALUE);
    }

    public static List<List<Object>> run(PhysicalPlan plan, Catalog catalog, long limit)
    {
        try (RootAllocator root = new RootAllocator(Long.MAX_VALUE)) {
            List<List<Object>> rows;
            try (BufferAllocator query = root.newChildAllocator("query", 0, limit)) {
                rows = collect(plan, new ExecutionContext(query, catalog));
                assertEquals(0, query.getAllocatedMemory(), "query allocator not empty");
            }
            assertEquals(0, root.getAllocatedMemory(), "root allocator not empty");
            return rows;
        }
    }

    public static List<List<Object>> collect(PhysicalPlan plan, ExecutionContext context)
    {
        List<Column> columns = plan.outputColumns();
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(plan, context)) {
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    assertEquals(columns.size(), batch.columnCount(), "column count");
                    for (int i = 0; i < batch.rowCount(); i++) {
                        int position = batch.position(i);
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            DataType type = columns.get(c).type();
                            row[c] = Values.read(batch.column(c), type, position);
                        }
                        rows.add(Arrays.asList(row));
                    }
                }
            }
        }
        return rows;
    }
}

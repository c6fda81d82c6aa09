package dev.basalt.execution.operator;

import dev.basalt.execution.ExecutionContext;
import dev.basalt.execution.PlanExecutor;
import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryTest
{
    private static TableScan numbers(TestingCatalog catalog, int count)
    {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            rows.add(new Object[] {i, "value-" + i});
        }
        return OperatorTest.table(catalog, "t", List.of(new Column("a", DataTypes.BIGINT), new Column("b", DataTypes.VARCHAR)), rows, 1024, false);
    }

    @Test
    void sortOverTheLimitFailsWith53200()
    {
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = numbers(catalog, 100_000);
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(new Sort(scan, List.of(new SortKey(0, false, false))), catalog, 512 * 1024));
        assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
        assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
    }

    @Test
    void heapStateCountsAgainstTheLimit()
    {
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = numbers(catalog, 200_000);
        HashAggregate aggregate = new HashAggregate(scan, List.of(0), List.of(new AggregateCall(AggregateFunction.COUNT_STAR, List.of(), false, DataTypes.BIGINT)),
                List.of(new Column("a", DataTypes.BIGINT), new Column("c", DataTypes.BIGINT)), -1);
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(aggregate, catalog, 2 * 1024 * 1024));
        assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
        assertEquals(200_000, QueryRunner.run(aggregate, catalog).size());
    }

    @Test
    void closingEarlyReleasesEverything()
    {
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = numbers(catalog, 50_000);
        HashJoin join = new HashJoin(JoinType.INNER, scan, scan, List.of(0), List.of(0), Optional.empty(),
                List.of(new Column("a", DataTypes.BIGINT), new Column("b", DataTypes.VARCHAR), new Column("a2", DataTypes.BIGINT), new Column("b2", DataTypes.VARCHAR)), -1);
        try (RootAllocator root = new RootAllocator()) {
            try (BufferAllocator query = root.newChildAllocator("q", 0, Long.MAX_VALUE)) {
                ColumnBatch kept;
                try (CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(join, new ExecutionContext(query, catalog))) {
                    kept = batches.next();
                    batches.next().close();
                }
                // a batch handed out stays valid after the iterator is closed
                assertTrue(kept.rowCount() > 0);
                assertEquals(kept.rowCount(), kept.rowCount());
                kept.close();
                assertEquals(0, query.getAllocatedMemory());
            }
        }
    }

    @Test
    void failuresMidQueryLeaveNothingBehind()
    {
        TestingCatalog catalog = new TestingCatalog();
        TableScan scan = numbers(catalog, 20_000);
        // 1 / (a - 15000) fails on row 15000, deep inside the stream
        Project failing = new Project(scan, List.of(new Call(Function.DIVIDE, List.of(new Constant(1L, DataTypes.BIGINT),
                new Call(Function.SUBTRACT, List.of(new InputReference(0, DataTypes.BIGINT), new Constant(15_000L, DataTypes.BIGINT)), DataTypes.BIGINT)), DataTypes.BIGINT)),
                List.of(new Column("x", DataTypes.BIGINT)));
        Sort sort = new Sort(new Filter(failing, new Call(Function.IS_NOT_NULL, List.of(new InputReference(0, DataTypes.BIGINT)), DataTypes.BOOLEAN), -1),
                List.of(new SortKey(0, true, false)));
        BasaltException e = assertThrows(BasaltException.class, () -> QueryRunner.run(sort, catalog));
        assertEquals(ErrorCode.DIVISION_BY_ZERO, e.code());
        try (RootAllocator root = new RootAllocator(); BufferAllocator query = root.newChildAllocator("q", 0, Long.MAX_VALUE)) {
            CloseableIterator<ColumnBatch> batches = PlanExecutor.execute(failing, new ExecutionContext(query, catalog));
            assertThrows(BasaltException.class, () -> {
                while (batches.hasNext()) {
                    batches.next().close();
                }
            });
            batches.close();
            assertEquals(0, query.getAllocatedMemory());
        }
    }
}

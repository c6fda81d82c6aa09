package dev.basalt.execution.operator;

import dev.basalt.execution.testing.QueryRunner;
import dev.basalt.execution.testing.TestingCatalog;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.RecursiveUnion;
import dev.basalt.planner.plan.Values;
import dev.basalt.planner.plan.WorkTableScan;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecursiveUnionTest
{
    private static final List<Column> COLUMNS = List.of(new Column("n", DataTypes.BIGINT));
    private static final InputReference N = new InputReference(0, DataTypes.BIGINT);

    private static Constant bigint(long value)
    {
        return new Constant(value, DataTypes.BIGINT);
    }

    private static Values values(long... values)
    {
        List<List<RowExpression>> rows = new ArrayList<>();
        for (long value : values) {
            rows.add(List.of(bigint(value)));
        }
        return new Values(COLUMNS, rows);
    }

    /** SELECT expression FROM r WHERE n < limit. */
    private static PhysicalPlan step(RowExpression expression, long limit)
    {
        Filter filter = new Filter(new WorkTableScan("r", COLUMNS), new Call(Function.LESS_THAN, List.of(N, bigint(limit)), DataTypes.BOOLEAN), -1);
        return new Project(filter, List.of(expression), COLUMNS);
    }

    private static List<Long> run(PhysicalPlan plan)
    {
        List<Long> values = new ArrayList<>();
        for (List<Object> row : QueryRunner.run(plan, new TestingCatalog())) {
            values.add((Long) row.get(0));
        }
        return values;
    }

    @Test
    void countsToTen()
    {
        PhysicalPlan plan = new RecursiveUnion(values(1), step(new Call(Function.ADD, List.of(N, bigint(1)), DataTypes.BIGINT), 10), "r", true, 1000, COLUMNS);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), run(plan));
    }

    @Test
    void manyRowsPerIteration()
    {
        // each iteration doubles: 0..4999 -> every row n < 20000 produces n + 5000, four more iterations
        long[] anchor = new long[5000];
        for (int i = 0; i < anchor.length; i++) {
            anchor[i] = i;
        }
        PhysicalPlan plan = new RecursiveUnion(values(anchor), step(new Call(Function.ADD, List.of(N, bigint(5000)), DataTypes.BIGINT), 20_000), "r", true, 1000, COLUMNS);
        List<Long> result = run(plan);
        assertEquals(25_000, result.size());
        assertEquals(25_000, result.stream().distinct().count());
    }

    @Test
    void unionStopsOnCycles()
    {
        // n -> (n + 1) % 3 cycles forever with UNION ALL; UNION drops rows already produced
        RowExpression next = new Call(Function.MODULO, List.of(new Call(Function.ADD, List.of(N, bigint(1)), DataTypes.BIGINT), bigint(3)), DataTypes.BIGINT);
        // the anchor's duplicate is dropped too (UNION semantics)
        assertEquals(List.of(0L, 1L, 2L), run(new RecursiveUnion(values(0, 0), step(next, 100), "r", false, 1000, COLUMNS)).stream().sorted().toList());
    }

    @Test
    void tooManyIterationsFail()
    {
        RowExpression next = new Call(Function.MODULO, List.of(new Call(Function.ADD, List.of(N, bigint(1)), DataTypes.BIGINT), bigint(3)), DataTypes.BIGINT);
        PhysicalPlan plan = new RecursiveUnion(values(0), step(next, 100), "r", true, 50, COLUMNS);
        BasaltException e = assertThrows(BasaltException.class, () -> run(plan));
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        // within the limit: 50 iterations of 1 row each
        PhysicalPlan counting = new RecursiveUnion(values(1), step(new Call(Function.ADD, List.of(N, bigint(1)), DataTypes.BIGINT), 51), "r", true, 50, COLUMNS);
        assertEquals(51, run(counting).size());
    }

    @Test
    void emptyAnchor()
    {
        assertEquals(List.of(), run(new RecursiveUnion(values(), step(N, 10), "r", false, 10, COLUMNS)));
    }
}

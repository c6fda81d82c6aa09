package dev.basalt.planner.analyzer;

import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.SetOperation;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GROUPING SETS / ROLLUP / CUBE as a UNION ALL of aggregations; grouping() as a per-branch constant. */
class GroupingSetsTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private static <T extends PhysicalPlan> List<T> collect(PhysicalPlan plan, Class<T> type)
    {
        List<T> found = new ArrayList<>();
        if (type.isInstance(plan)) {
            found.add(type.cast(plan));
        }
        for (PhysicalPlan child : plan.children()) {
            found.addAll(collect(child, type));
        }
        return found;
    }

    @Test
    void rollupIsAUnionOfAggregations()
    {
        PhysicalPlan plan = tester.plan("SELECT a, b, sum(c), grouping(a, b) FROM t1 GROUP BY ROLLUP (a, b)");
        List<SetOperation> unions = collect(plan, SetOperation.class);
        assertEquals(1, unions.size());
        assertEquals(3, unions.getFirst().inputs().size());
        assertEquals(3, collect(plan, HashAggregate.class).size());
        assertEquals(DataTypes.INTEGER, tester.outputTypes("SELECT grouping(a) FROM t1 GROUP BY CUBE (a)").getFirst());
    }

    @Test
    void setsMultiplyAcrossElements()
    {
        PhysicalPlan cube = tester.plan("SELECT a, b, count(*) FROM t1 GROUP BY CUBE (a, b)");
        assertEquals(4, collect(cube, SetOperation.class).getFirst().inputs().size());
        PhysicalPlan product = tester.plan("SELECT a, b, x, count(*) FROM t1 GROUP BY a, GROUPING SETS ((b), (x), ())");
        assertEquals(3, collect(product, SetOperation.class).getFirst().inputs().size());
        // plain GROUP BY with grouping(): one aggregation, no union
        PhysicalPlan plain = tester.plan("SELECT a, grouping(a) FROM t1 GROUP BY a");
        assertTrue(collect(plain, SetOperation.class).isEmpty());
    }
}

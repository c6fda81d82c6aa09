package dev.basalt.planner.analyzer;

import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outer joins, USING / NATURAL, CROSS and self joins: binding and join choice. */
class JoinBindingTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private static PhysicalPlan firstJoin(PhysicalPlan plan)
    {
        if (plan instanceof HashJoin || plan instanceof NestedLoopJoin) {
            return plan;
        }
        for (PhysicalPlan child : plan.children()) {
            PhysicalPlan join = firstJoin(child);
            if (join != null) {
                return join;
            }
        }
        return null;
    }

    @Test
    void outerJoinsWithEqualitiesHashAndKeepTheRestAsFilter()
    {
        PhysicalPlan join = firstJoin(tester.plan("SELECT t1.a, t2.y FROM t1 LEFT JOIN t2 ON t1.a = t2.a AND t1.b > t2.z"));
        HashJoin hash = assertInstanceOf(HashJoin.class, join);
        // t2 is smaller: it is the build side, so the LEFT join stays LEFT with t1 probing
        assertEquals(JoinType.LEFT, hash.joinType());
        assertTrue(hash.filter().isPresent());
        PhysicalPlan full = firstJoin(tester.plan("SELECT * FROM t1 FULL JOIN t2 ON t1.a < t2.a"));
        assertEquals(JoinType.FULL, assertInstanceOf(NestedLoopJoin.class, full).joinType());
    }

    @Test
    void outerJoinSidesMaySwapForTheBuild()
    {
        // t2 (100 rows) RIGHT JOIN t1 (1000 rows): t1 is preserved; build on t2 by swapping to LEFT
        HashJoin hash = assertInstanceOf(HashJoin.class, firstJoin(tester.plan("SELECT * FROM t2 RIGHT JOIN t1 ON t1.a = t2.a")));
        assertEquals(JoinType.LEFT, hash.joinType());
    }

    @Test
    void nullSupplyingColumnsAreNullable()
    {
        PhysicalPlan plan = tester.plan("SELECT t2.a FROM t1 LEFT JOIN t2 ON t1.a = t2.a");
        for (Column column : plan.outputColumns()) {
            assertTrue(column.nullable(), column.toString());
        }
    }

    @Test
    void usingAndNaturalMergeTheJoinedColumns()
    {
        assertEquals(List.of("a", "b", "c", "d", "s", "x", "f", "ts", "flag", "y", "z"), tester.outputNames("SELECT * FROM t1 JOIN t2 USING (a)"));
        assertEquals(List.of("a", "b", "c", "d", "s", "x", "f", "ts", "flag", "y", "z"), tester.outputNames("SELECT * FROM t1 NATURAL JOIN t2"));
        // the qualified columns stay reachable
        tester.plan("SELECT a, t1.a, t2.a FROM t1 FULL JOIN t2 USING (a)");
        String full = tester.printLogical("SELECT a FROM t1 FULL JOIN t2 USING (a)");
        assertTrue(full.contains("coalesce") || full.contains("COALESCE"), full);
        tester.assertFails("SELECT * FROM t1 JOIN t2 USING (q)", ErrorCode.UNDEFINED_COLUMN, "USING");
        tester.assertFails("SELECT * FROM t1 JOIN t2 USING (a, a)", ErrorCode.DUPLICATE_COLUMN, "USING");
    }

    @Test
    void crossAndSelfJoins()
    {
        assertInstanceOf(NestedLoopJoin.class, firstJoin(tester.plan("SELECT * FROM t1 CROSS JOIN t2")));
        HashJoin self = assertInstanceOf(HashJoin.class, firstJoin(tester.plan("SELECT x.a, y.a FROM t1 x JOIN t1 y ON x.a = y.a AND x.b = y.b")));
        assertEquals(2, self.probeKeys().size(), "multi-column key");
        tester.assertFails("SELECT a FROM t1 x JOIN t1 y ON x.a = y.a", ErrorCode.AMBIGUOUS_COLUMN, "a");
    }
}

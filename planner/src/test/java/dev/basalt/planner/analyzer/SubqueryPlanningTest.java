package dev.basalt.planner.analyzer;

import dev.basalt.planner.plan.EnforceSingleRow;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.SetOperation;
import dev.basalt.planner.plan.SetOperationType;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subqueries are decorrelated into joins and aggregations; WITH is inlined; set operations get common types. */
class SubqueryPlanningTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private static <T extends PhysicalPlan> List<T> collect(PhysicalPlan plan, Class<T> type)
    {
        List<T> found = new ArrayList<>();
        collect(plan, type, found);
        return found;
    }

    private static <T extends PhysicalPlan> void collect(PhysicalPlan plan, Class<T> type, List<T> found)
    {
        if (type.isInstance(plan)) {
            found.add(type.cast(plan));
        }
        for (PhysicalPlan child : plan.children()) {
            collect(child, type, found);
        }
    }

    private List<JoinType> hashJoinTypes(String sql)
    {
        return collect(tester.plan(sql), HashJoin.class).stream().map(HashJoin::joinType).toList();
    }

    @Test
    void bindingProducesApplyThatTheDecorrelationRuleRemoves()
    {
        String sql = "SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a)";
        String bound = tester.printLogical(sql);
        assertTrue(bound.contains("Apply[EXISTS, SEMI"), bound);
        String optimized = tester.printOptimized(sql);
        assertFalse(optimized.contains("Apply"), optimized);
        assertTrue(optimized.contains("Join[SEMI"), optimized);
        // without the rule, physical planning refuses cleanly
        PlannerTester withoutRule = new PlannerTester(dev.basalt.planner.testing.TestingCatalog.simple(),
                dev.basalt.planner.PlannerSettings.defaults().withDisabledRules(java.util.Set.of("DecorrelateSubqueries")));
        withoutRule.assertFails(sql, ErrorCode.FEATURE_NOT_SUPPORTED, "DecorrelateSubqueries");
    }

    @Test
    void correlatedExistsBecomesSemiJoinWithTheNonEquiRestAsFilter()
    {
        List<HashJoin> joins = collect(tester.plan("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a AND t2.z > t1.c)"), HashJoin.class);
        assertEquals(1, joins.size());
        assertEquals(JoinType.SEMI, joins.getFirst().joinType());
        assertTrue(joins.getFirst().filter().isPresent(), "t2.z > t1.c is the join filter");
    }

    @Test
    void notExistsBecomesAntiJoin()
    {
        assertEquals(List.of(JoinType.ANTI), hashJoinTypes("SELECT a FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a)"));
    }

    @Test
    void inSubqueryConjunctBecomesSemiJoin()
    {
        assertEquals(List.of(JoinType.SEMI), hashJoinTypes("SELECT a FROM t1 WHERE a IN (SELECT a FROM t2) AND b > 1"));
    }

    @Test
    void notInAndInUnderOrBecomeMarkJoins()
    {
        String notIn = tester.printOptimized("SELECT a FROM t1 WHERE a NOT IN (SELECT a FROM t2)");
        assertTrue(notIn.contains("Join[MARK"), notIn);
        assertTrue(notIn.contains("NOT "), notIn);
        assertEquals(List.of(JoinType.MARK), hashJoinTypes("SELECT a FROM t1 WHERE b = 1 OR a IN (SELECT a FROM t2)"));
        assertEquals(List.of(DataTypes.INTEGER, DataTypes.BOOLEAN), tester.outputTypes("SELECT a, a IN (SELECT a FROM t2) FROM t1"));
        assertEquals(List.of(DataTypes.BOOLEAN), tester.outputTypes("SELECT EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a) FROM t1"));
    }

    @Test
    void correlatedMarkJoinEvaluatesTheWholeConditionPerPair()
    {
        // a hash MARK join cannot tell a NULL correlation key (no rows: FALSE) from a NULL IN key (unknown)
        List<NestedLoopJoin> joins = collect(tester.plan("SELECT a IN (SELECT t2.a FROM t2 WHERE t2.y = t1.s) FROM t1"), NestedLoopJoin.class);
        assertEquals(1, joins.size());
        assertEquals(JoinType.MARK, joins.getFirst().joinType());
    }

    @Test
    void quantifiedComparisons()
    {
        String all = tester.printOptimized("SELECT a FROM t1 WHERE a > ALL (SELECT a FROM t2)");
        assertTrue(all.contains("Join[MARK") && all.contains("<="), all);
        assertEquals(List.of(JoinType.SEMI), hashJoinTypes("SELECT a FROM t1 WHERE a = ANY (SELECT a FROM t2)"));
        assertEquals(List.of(JoinType.SEMI), hashJoinTypes("SELECT a FROM t1 WHERE a = SOME (SELECT a FROM t2)"));
    }

    @Test
    void uncorrelatedScalarSubquery()
    {
        PhysicalPlan aggregate = tester.plan("SELECT a FROM t1 WHERE c > (SELECT avg(z) FROM t2)");
        assertEquals(0, collect(aggregate, EnforceSingleRow.class).size(), "a global aggregate has one row already");
        assertEquals(1, collect(aggregate, NestedLoopJoin.class).size());
        PhysicalPlan plain = tester.plan("SELECT a, (SELECT y FROM t2 WHERE a = 1) FROM t1");
        assertEquals(1, collect(plain, EnforceSingleRow.class).size());
        tester.assertFails("SELECT (SELECT a, y FROM t2) FROM t1", ErrorCode.SYNTAX_ERROR, "one column");
    }

    @Test
    void correlatedScalarAggregateBecomesGroupedAggregateAndJoin()
    {
        PhysicalPlan plan = tester.plan("SELECT a FROM t1 WHERE c < (SELECT 0.2 * avg(z) FROM t2 WHERE t2.a = t1.a)");
        List<HashAggregate> aggregates = collect(plan, HashAggregate.class);
        assertEquals(1, aggregates.size());
        assertEquals(1, aggregates.getFirst().groupingKeys().size(), "grouped by the correlation key");
        // the WHERE comparison rejects the NULLs of unmatched rows: the LEFT join became INNER
        assertEquals(List.of(JoinType.INNER), collect(plan, HashJoin.class).stream().map(HashJoin::joinType).toList());
    }

    @Test
    void correlatedCountIsZeroNotNullForNoRows()
    {
        String plan = tester.printOptimized("SELECT a, (SELECT count(*) FROM t2 WHERE t2.a = t1.a) FROM t1");
        assertTrue(plan.contains("Join[LEFT"), plan);
        assertTrue(plan.contains("coalesce") || plan.contains("COALESCE"), plan);
    }

    @Test
    void nonEquiCorrelatedAggregateJoinsTheDistinctOuterValues()
    {
        String plan = tester.printOptimized("SELECT a, (SELECT count(*) FROM t2 WHERE t2.a < t1.a) FROM t1");
        assertTrue(plan.contains("Join[LEFT"), plan);
        assertFalse(plan.contains("Apply"), plan);
    }

    @Test
    void correlatedNonAggregateScalarBecomesSingleJoin()
    {
        // SELECT list: hashed on the correlation equality, the outer side probes (never swapped: it must see each match)
        String sql = "SELECT a, (SELECT y FROM t2 WHERE t2.a = t1.a) FROM t1";
        String optimized = tester.printOptimized(sql);
        assertTrue(optimized.contains("Join[SINGLE"), optimized);
        assertFalse(optimized.contains("Apply"), optimized);
        List<HashJoin> joins = collect(tester.plan(sql), HashJoin.class);
        assertEquals(1, joins.size());
        assertEquals(JoinType.SINGLE, joins.getFirst().joinType());
        assertEquals(2, tester.outputTypes(sql).size());
        String explain = tester.explain(sql);
        assertTrue(explain.contains("SINGLE"), explain);
        // WHERE: the comparison stays above the join (a WHERE that rejects NULLs must not turn SINGLE into INNER)
        assertEquals(List.of(JoinType.SINGLE), hashJoinTypes("SELECT a FROM t1 WHERE s > (SELECT y FROM t2 WHERE t2.a = t1.a AND t2.z > 1)"));
        // HAVING, correlated with a grouping key
        assertEquals(List.of(JoinType.SINGLE), hashJoinTypes("SELECT a, sum(b) FROM t1 GROUP BY a HAVING sum(b) > (SELECT z FROM t2 WHERE t2.a = t1.a)"));
        // the residual (non-equality) part of the correlation is a join filter
        List<HashJoin> filtered = collect(tester.plan("SELECT a, (SELECT y FROM t2 WHERE t2.a = t1.a AND t2.z > t1.c) FROM t1"), HashJoin.class);
        assertEquals(JoinType.SINGLE, filtered.getFirst().joinType());
        assertTrue(filtered.getFirst().filter().isPresent());
    }

    @Test
    void nonEquiCorrelatedScalarBecomesNestedLoopSingleJoin()
    {
        List<NestedLoopJoin> joins = collect(tester.plan("SELECT a, (SELECT y FROM t2 WHERE t2.a < t1.a) FROM t1"), NestedLoopJoin.class);
        assertEquals(1, joins.size());
        assertEquals(JoinType.SINGLE, joins.getFirst().joinType());
    }

    @Test
    void correlatedLimitBecomesRowNumberPerCorrelationKey()
    {
        String plan = tester.printOptimized("SELECT a, (SELECT y FROM t2 WHERE t2.a = t1.a ORDER BY z DESC LIMIT 1) FROM t1");
        assertFalse(plan.contains("Apply"), plan);
        assertTrue(plan.contains("Join[SINGLE"), plan);
        assertTrue(plan.contains("Window"), plan);
        String exists = tester.printOptimized("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a LIMIT 1)");
        assertTrue(exists.contains("Join[SEMI"), exists);
        // a correlation that is not an equality: partitioned by the distinct outer values joined in
        String general = tester.printOptimized("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a < t1.a LIMIT 1)");
        assertFalse(general.contains("Apply"), general);
        assertTrue(general.contains("Window"), general);
        // window functions of a correlated subquery are partitioned per outer row too
        String window = tester.printOptimized("SELECT a, (SELECT count(*) OVER () FROM t2 WHERE t2.a = t1.a LIMIT 1) FROM t1");
        assertFalse(window.contains("Apply"), window);
    }

    @Test
    void correlationTwoLevelsUpThroughNestedExists()
    {
        String plan = tester.printOptimized("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE EXISTS (SELECT 1 FROM t1 x WHERE x.a = t1.a AND x.a = t2.a))");
        assertFalse(plan.contains("Apply"), plan);
        assertTrue(plan.contains("Join[SEMI"), plan);
        // under an aggregate the inner rows must not repeat: the outer values are joined in (a domain) instead
        String counted = tester.printOptimized("SELECT (SELECT count(*) FROM t2 WHERE EXISTS (SELECT 1 FROM t1 x WHERE x.a = t1.a AND x.a = t2.a)) FROM t1");
        assertFalse(counted.contains("Apply"), counted);
        assertTrue(counted.contains("Join[SEMI"), counted);
    }

    @Test
    void outerColumnsInTheSelectListAreEvaluatedAboveTheJoin()
    {
        // around an aggregate: the aggregate is LEFT joined, the expression computed over the join
        String around = tester.printOptimized("SELECT (SELECT max(z) + t1.c FROM t2 WHERE t2.a = t1.a) FROM t1");
        assertFalse(around.contains("Apply"), around);
        assertTrue(around.contains("Join[LEFT"), around);
        // no inner row must give NULL: a SINGLE join plus a match flag
        String single = tester.printOptimized("SELECT (SELECT t1.b + 1 FROM t2 WHERE t2.a = t1.a) FROM t1");
        assertTrue(single.contains("Join[SINGLE"), single);
        assertTrue(single.contains("CASE WHEN"), single);
        // through ORDER BY ... LIMIT
        String limited = tester.printOptimized("SELECT (SELECT t1.b + a FROM t2 WHERE t2.a = t1.a ORDER BY z LIMIT 1) FROM t1");
        assertFalse(limited.contains("Apply"), limited);
        assertTrue(limited.contains("Window"), limited);
        // IN: the SELECT expression becomes part of the join condition
        String in = tester.printOptimized("SELECT a FROM t1 WHERE a IN (SELECT t1.x + a FROM t2)");
        assertTrue(in.contains("Join[SEMI"), in);
        // inside the aggregate's arguments: the distinct outer values are cross joined in and grouped by
        String inside = tester.printOptimized("SELECT (SELECT sum(z * t1.c) FROM t2 WHERE t2.a = t1.a) FROM t1");
        assertFalse(inside.contains("Apply"), inside);
        // the correlation stays a hash join key
        for (String sql : List.of("SELECT (SELECT max(z) + t1.c FROM t2 WHERE t2.a = t1.a) FROM t1",
                "SELECT (SELECT t1.b + 1 FROM t2 WHERE t2.a = t1.a) FROM t1")) {
            PhysicalPlan physical = tester.plan(sql);
            assertTrue(collect(physical, NestedLoopJoin.class).isEmpty(), sql);
            assertFalse(collect(physical, HashJoin.class).isEmpty(), sql);
        }
    }

    @Test
    void aggregateOfOnlyOuterColumnsBelongsToTheOuterQuery()
    {
        // sum(t1.b) is the outer query's aggregate: the outer query becomes a global aggregation
        String plan = tester.printOptimized("SELECT (SELECT sum(t1.b) FROM t2 LIMIT 1) FROM t1");
        assertFalse(plan.contains("Apply"), plan);
        assertTrue(plan.contains("Aggregate[keys=[]"), plan);
        tester.assertFails("SELECT a, (SELECT sum(t1.b) FROM t2 LIMIT 1) FROM t1", ErrorCode.GROUPING_ERROR, "GROUP BY");
        tester.assertFails("SELECT a FROM t1 WHERE b = (SELECT max(t1.b) FROM t2)", ErrorCode.GROUPING_ERROR, "outer query");
    }

    @Test
    void subqueriesInAggregateArgumentsGroupByAndJoinConditions()
    {
        for (String sql : List.of(
                "SELECT sum((SELECT max(z) FROM t2)) FROM t1",
                "SELECT sum((SELECT max(z) FROM t2 WHERE t2.a = t1.a)) FROM t1",
                "SELECT count(CASE WHEN a IN (SELECT a FROM t2) THEN 1 END), sum(CASE WHEN EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a) THEN 1 ELSE 0 END) FROM t1",
                "SELECT (SELECT count(*) FROM t2 WHERE t2.a = t1.a) AS k, count(*) FROM t1 GROUP BY k",
                "SELECT count(*) FROM t1 GROUP BY (SELECT count(*) FROM t2 WHERE t2.a = t1.a)",
                "SELECT a, sum((SELECT max(z) FROM t2 WHERE t2.a = t1.a)) OVER (ORDER BY a) FROM t1",
                "SELECT t1.a FROM t1 JOIN t2 ON t1.a = t2.a AND t2.z IN (SELECT max(z) FROM t2 x WHERE x.a = t1.a)",
                "SELECT t1.a FROM t1 LEFT JOIN t2 ON t1.a = t2.a AND t2.z > (SELECT min(z) FROM t2)",
                "SELECT (SELECT count(*) FROM (SELECT z FROM t2 WHERE t2.a = t1.a UNION SELECT c FROM t1 x WHERE x.b > t1.b) q) FROM t1",
                "SELECT (SELECT max(z) FROM t2 WHERE t2.a < t1.a LIMIT 1) FROM t1")) {
            String plan = tester.printOptimized(sql);
            assertFalse(plan.contains("Apply"), sql + "\n" + plan);
        }
        tester.assertFails("SELECT t1.a FROM t1 LEFT JOIN t2 ON t1.a IN (SELECT a FROM t2 x WHERE x.a = t2.a)", ErrorCode.FEATURE_NOT_SUPPORTED,
                "preserved side");
    }

    @Test
    void subqueriesInHavingAndNested()
    {
        tester.plan("SELECT a, sum(b) FROM t1 GROUP BY a HAVING sum(b) > (SELECT count(*) FROM t2)");
        tester.plan("SELECT a FROM t1 WHERE a IN (SELECT a FROM t2 WHERE z > (SELECT avg(c) FROM t1 x WHERE x.a = t2.a))");
    }

    @Test
    void withQueriesAreInlined()
    {
        assertEquals(List.of("k", "n"), tester.outputNames("WITH w(k, n) AS (SELECT a, count(*) FROM t2 GROUP BY a) SELECT * FROM w"));
        PhysicalPlan twice = tester.plan("WITH w AS (SELECT a FROM t2) SELECT * FROM w x JOIN w y ON x.a = y.a");
        assertEquals(1, collect(twice, HashJoin.class).size());
        tester.plan("WITH v AS (SELECT a FROM t2), w AS (SELECT a FROM v) SELECT * FROM w");
        tester.assertFails("WITH w AS (SELECT 1), w AS (SELECT 2) SELECT * FROM w", ErrorCode.DUPLICATE_TABLE, "w");
    }

    @Test
    void recursiveWithBecomesRecursiveUnionOverAWorkTable()
    {
        PhysicalPlan plan = tester.plan("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r");
        List<dev.basalt.planner.plan.RecursiveUnion> unions = collect(plan, dev.basalt.planner.plan.RecursiveUnion.class);
        assertEquals(1, unions.size());
        assertTrue(unions.getFirst().all());
        List<dev.basalt.planner.plan.WorkTableScan> scans = collect(unions.getFirst().step(), dev.basalt.planner.plan.WorkTableScan.class);
        assertEquals(List.of(unions.getFirst().workTable()), scans.stream().map(dev.basalt.planner.plan.WorkTableScan::workTable).toList());
        // WITH RECURSIVE without a self-reference is an ordinary query
        assertTrue(collect(tester.plan("WITH RECURSIVE r AS (SELECT 1 AS n UNION SELECT 2) SELECT n FROM r"),
                dev.basalt.planner.plan.RecursiveUnion.class).isEmpty());
    }

    @Test
    void setOperationsUseCommonTypes()
    {
        assertEquals(List.of(DecimalType.of(15, 2)), tester.outputTypes("SELECT a FROM t1 UNION ALL SELECT c FROM t1"));
        assertEquals(List.of("a"), tester.outputNames("SELECT a FROM t1 UNION SELECT a FROM t2 ORDER BY a LIMIT 3"));
        List<SetOperation> unionAll = collect(tester.plan("SELECT a FROM t1 UNION ALL SELECT a FROM t2 UNION ALL SELECT 1"), SetOperation.class);
        assertEquals(1, unionAll.size());
        assertEquals(3, unionAll.getFirst().inputs().size(), "UNION ALL chains are flattened");
        SetOperation except = collect(tester.plan("SELECT a FROM t1 EXCEPT ALL SELECT a FROM t2"), SetOperation.class).getFirst();
        assertEquals(SetOperationType.EXCEPT, except.type());
        assertTrue(except.all());
        tester.assertFails("SELECT a, b FROM t1 UNION SELECT a FROM t2", ErrorCode.SYNTAX_ERROR, "same number of columns");
    }
}

package dev.basalt.planner.physical;

import dev.basalt.planner.Planner;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.Filter;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.HashJoin;
import dev.basalt.planner.plan.Limit;
import dev.basalt.planner.plan.NestedLoopJoin;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.plan.Project;
import dev.basalt.planner.plan.Sort;
import dev.basalt.planner.plan.SortKey;
import dev.basalt.planner.plan.TableScan;
import dev.basalt.planner.plan.TopN;
import dev.basalt.planner.plan.Values;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhysicalPlanningTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private static <T extends PhysicalPlan> T find(PhysicalPlan plan, Class<T> type)
    {
        if (type.isInstance(plan)) {
            return type.cast(plan);
        }
        for (PhysicalPlan child : plan.children()) {
            T found = find(child, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<DataType> types(List<Column> columns)
    {
        List<DataType> types = new ArrayList<>();
        for (Column column : columns) {
            types.add(column.type());
        }
        return types;
    }

    @Test
    void equiJoinHashesTheSmallerInput()
    {
        // t1 has 1000 rows, t2 100
        PhysicalPlan plan = tester.plan("SELECT t1.s, t2.y FROM t1 JOIN t2 ON t1.a = t2.a");
        HashJoin join = find(plan, HashJoin.class);
        assertEquals("t2", find(join.build(), TableScan.class).table());
        assertEquals("t1", find(join.probe(), TableScan.class).table());
        // written the other way round, the build side is still t2
        join = find(tester.plan("SELECT t1.s, t2.y FROM t2, t1 WHERE t2.a = t1.a"), HashJoin.class);
        assertEquals("t2", find(join.build(), TableScan.class).table());
        assertEquals(types(List.of(join.probe().outputColumns().get(join.probeKeys().getFirst()))),
                types(List.of(join.build().outputColumns().get(join.buildKeys().getFirst()))));
    }

    @Test
    void joinKeysOfDifferentTypesAreCastBelowTheJoin()
    {
        HashJoin join = find(tester.plan("SELECT t1.s FROM t1, t2 WHERE t1.b = t2.a"), HashJoin.class);
        DataType probeKey = join.probe().outputColumns().get(join.probeKeys().getFirst()).type();
        DataType buildKey = join.build().outputColumns().get(join.buildKeys().getFirst()).type();
        assertEquals(DataTypes.BIGINT, probeKey);
        assertEquals(DataTypes.BIGINT, buildKey);
        Project cast = assertInstanceOf(Project.class, join.build());
        assertInstanceOf(Cast.class, cast.projections().get(join.buildKeys().getFirst()));
    }

    @Test
    void residualConditionsBecomeTheJoinFilter()
    {
        HashJoin join = find(tester.plan("SELECT t1.s FROM t1 JOIN t2 ON t1.a = t2.a AND t1.c < t2.z"), HashJoin.class);
        assertTrue(join.filter().isPresent());
        assertEquals(1, join.probeKeys().size());
    }

    @Test
    void nonEquiJoinIsANestedLoopJoin()
    {
        NestedLoopJoin join = find(tester.plan("SELECT t1.s FROM t1 JOIN t2 ON t1.a < t2.a"), NestedLoopJoin.class);
        assertTrue(join.condition().isPresent());
        NestedLoopJoin cross = find(tester.plan("SELECT t1.s, t3.v FROM t1 CROSS JOIN t3"), NestedLoopJoin.class);
        assertTrue(cross.condition().isEmpty());
        assertEquals(10_000, cross.estimatedRows());
    }

    @Test
    void scansReadOnlyNeededColumnsAndCarryZoneMapHints()
    {
        PhysicalPlan plan = tester.plan("SELECT s FROM t1 WHERE d BETWEEN DATE '1994-01-01' AND DATE '1994-12-31' AND a = 5");
        TableScan scan = find(plan, TableScan.class);
        assertEquals(List.of(0, 3, 4), scan.columns());
        assertEquals(2, scan.predicates().size());
        assertEquals(1000, scan.estimatedRows());
        Filter filter = find(plan, Filter.class);
        assertTrue(filter.estimatedRows() < 1000);
        assertEquals(List.of("s"), tester.outputNames("SELECT s FROM t1 WHERE a = 5"));
    }

    @Test
    void aggregationPlansKeysAndArgumentsBelow()
    {
        PhysicalPlan plan = tester.plan("SELECT a + 1 AS k, sum(c * 2), count(*) FROM t1 GROUP BY a + 1 HAVING count(*) > 1");
        HashAggregate aggregate = find(plan, HashAggregate.class);
        assertEquals(List.of(0), aggregate.groupingKeys());
        assertEquals(AggregateFunction.SUM, aggregate.aggregates().get(0).function());
        assertEquals(DecimalType.of(38, 2), aggregate.aggregates().get(0).type());
        assertEquals(AggregateFunction.COUNT_STAR, aggregate.aggregates().get(1).function());
        Project below = assertInstanceOf(Project.class, aggregate.source());
        assertEquals(2, below.projections().size());
        assertInstanceOf(Filter.class, find(plan, Filter.class));
        assertEquals(List.of("k", "sum((c * 2))", "count_star()"), tester.outputNames("SELECT a + 1 AS k, sum(c * 2), count(*) FROM t1 GROUP BY a + 1"));
        HashAggregate global = find(tester.plan("SELECT count(*) FROM t1"), HashAggregate.class);
        assertEquals(List.of(), global.groupingKeys());
        assertEquals(1, global.estimatedRows());
        HashAggregate distinct = find(tester.plan("SELECT DISTINCT a, s FROM t1"), HashAggregate.class);
        assertEquals(2, distinct.groupingKeys().size());
        assertEquals(List.of(), distinct.aggregates());
    }

    @Test
    void orderByAColumnNotSelectedIsProjectedAway()
    {
        PhysicalPlan plan = tester.plan("SELECT a FROM t1 ORDER BY b DESC");
        assertEquals(List.of("a"), tester.outputNames("SELECT a FROM t1 ORDER BY b DESC"));
        Project top = assertInstanceOf(Project.class, plan);
        Sort sort = assertInstanceOf(Sort.class, top.source());
        assertEquals(2, sort.outputColumns().size());
        SortKey key = sort.keys().getFirst();
        assertEquals(DataTypes.BIGINT, sort.outputColumns().get(key.column()).type());
        assertTrue(!key.ascending() && key.nullsFirst());
        // ORDER BY an expression, an alias, an ordinal, NULLS LAST for ASC by default
        Sort byExpression = find(tester.plan("SELECT a AS x FROM t1 ORDER BY x, 1, a + b"), Sort.class);
        assertEquals(3, byExpression.keys().size());
        assertTrue(byExpression.keys().getFirst().ascending() && !byExpression.keys().getFirst().nullsFirst());
        assertEquals(byExpression.keys().get(0).column(), byExpression.keys().get(1).column());
    }

    @Test
    void limitAndTopN()
    {
        TopN topN = assertInstanceOf(TopN.class, tester.plan("SELECT a FROM t1 ORDER BY a LIMIT 5"));
        assertEquals(5, topN.count());
        Limit limit = assertInstanceOf(Limit.class, tester.plan("SELECT a FROM t1 ORDER BY a LIMIT 5 OFFSET 10"));
        assertEquals(10, limit.offset());
        assertEquals(15, assertInstanceOf(TopN.class, limit.source()).count());
        Limit plain = assertInstanceOf(Limit.class, tester.plan("SELECT a FROM t1 LIMIT ? OFFSET 2", 3L));
        assertEquals(3, plain.count());
        assertEquals(2, plain.offset());
        assertInstanceOf(TableScan.class, tester.plan("SELECT a FROM t1 LIMIT ALL"));
    }

    @Test
    void selectWithoutFromReadsOneEmptyRow()
    {
        Project project = assertInstanceOf(Project.class, tester.plan("SELECT 1 + 1 AS two, 'x'"));
        assertEquals(List.of(new Constant(2, DataTypes.INTEGER), new Constant("x", DataTypes.VARCHAR)), project.projections());
        Values values = assertInstanceOf(Values.class, project.source());
        assertEquals(1, values.rows().size());
        assertEquals(0, values.outputColumns().size());
    }

    @Test
    void contradictionsPlanNoScan()
    {
        PhysicalPlan plan = tester.plan("SELECT a FROM t1 WHERE 1 = 0");
        assertInstanceOf(Values.class, plan);
        assertEquals(0, ((Values) plan).rows().size());
        // a global aggregate over nothing still returns its one row
        HashAggregate aggregate = find(tester.plan("SELECT count(*) FROM t1 WHERE NULL"), HashAggregate.class);
        assertInstanceOf(Values.class, aggregate.source());
    }

    @Test
    void insertValuesProducesTheTableColumns()
    {
        // t2(a INTEGER, y VARCHAR(10), z DECIMAL(12,4))
        Values values = assertInstanceOf(Values.class, tester.plan("INSERT INTO t2 (y, a) VALUES ('q', 1), (?, 2.6)", "r"));
        assertEquals(List.of(DataTypes.INTEGER, VarcharType.varchar(10), DecimalType.of(12, 4)), types(values.outputColumns()));
        assertEquals(List.of("a", "y", "z"), values.outputColumns().stream().map(Column::name).toList());
        assertEquals(List.of(new Constant(1, DataTypes.INTEGER), new Constant("q", VarcharType.varchar(10)), new Constant(null, DecimalType.of(12, 4))),
                values.rows().get(0));
        // 2.6 is rounded by the assignment cast, as in PostgreSQL
        assertEquals(new Constant(3, DataTypes.INTEGER), values.rows().get(1).get(0));
        Values dates = assertInstanceOf(Values.class, tester.plan("INSERT INTO t1 (d, c) VALUES ('1995-03-15', 7)"));
        assertEquals(new Constant(LocalDate.parse("1995-03-15"), DataTypes.DATE), dates.rows().getFirst().get(3));
        assertEquals(new Constant(new BigDecimal("7.00"), DecimalType.of(15, 2)), dates.rows().getFirst().get(2));
    }

    @Test
    void insertSelectCastsToTheColumnTypes()
    {
        PhysicalPlan plan = tester.plan("INSERT INTO t2 SELECT x, s, c FROM t1");
        assertEquals(List.of(DataTypes.INTEGER, VarcharType.varchar(10), DecimalType.of(12, 4)), types(plan.outputColumns()));
        Project project = assertInstanceOf(Project.class, plan);
        assertInstanceOf(Cast.class, project.projections().get(0));
        assertInstanceOf(Cast.class, project.projections().get(2));
        PhysicalPlan partial = tester.plan("INSERT INTO t2 (z) SELECT c FROM t1 WHERE a > 0");
        Project withNulls = assertInstanceOf(Project.class, partial);
        assertEquals(new Constant(null, DataTypes.INTEGER), withNulls.projections().get(0));
        assertInstanceOf(InputReference.class, ((Cast) withNulls.projections().get(2)).input());
    }

    @Test
    void parameterCount()
    {
        assertEquals(0, Planner.parameterCount(PlannerTester.parse("SELECT 1")));
        assertEquals(2, Planner.parameterCount(PlannerTester.parse("SELECT a FROM t1 WHERE a = ? AND s LIKE ? ORDER BY 1")));
        assertEquals(3, Planner.parameterCount(PlannerTester.parse("INSERT INTO t2 VALUES (?, ?, ?)")));
        assertEquals(1, Planner.parameterCount(PlannerTester.parse("SELECT * FROM t1 LIMIT ?")));
    }
}

package dev.basalt.planner.analyzer;

import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.HashAggregate;
import dev.basalt.planner.plan.PhysicalPlan;
import dev.basalt.planner.testing.PlannerTester;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binding of FILTER, ORDER BY / WITHIN GROUP and the statistical aggregates. */
class AggregateBindingTest
{
    private final PlannerTester tester = PlannerTester.simple();

    private List<AggregateCall> calls(String sql)
    {
        Deque<PhysicalPlan> pending = new ArrayDeque<>(List.of(tester.plan(sql)));
        while (!pending.isEmpty()) {
            PhysicalPlan plan = pending.pop();
            if (plan instanceof HashAggregate aggregate) {
                return aggregate.aggregates();
            }
            pending.addAll(plan.children());
        }
        throw new AssertionError("no aggregation in " + sql);
    }

    @Test
    void resultTypesFollowDuckDb()
    {
        assertEquals(List.of(DataTypes.DOUBLE, DataTypes.DOUBLE, DecimalType.of(15, 2), DataTypes.INTEGER, DataTypes.VARCHAR, DataTypes.DOUBLE,
                        DataTypes.BOOLEAN, DataTypes.SMALLINT, DataTypes.VARCHAR, DataTypes.BIGINT, DataTypes.DATE),
                tester.outputTypes("SELECT stddev(a), median(a), median(c), quantile_disc(a, 0.1), mode(s), corr(a, f), bool_and(flag), "
                        + "bit_or(x), string_agg(a, ','), approx_count_distinct(s), arg_max(d, f) FROM t1"));
    }

    @Test
    void filterOrderAndParametersReachThePlan()
    {
        List<AggregateCall> calls = calls("SELECT string_agg(s, '-' ORDER BY a DESC) FILTER (WHERE a > 1), "
                + "percentile_disc(0.25) WITHIN GROUP (ORDER BY f DESC), sum(a ORDER BY b), count(*) FILTER (WHERE flag) FROM t1");
        AggregateCall stringAgg = calls.get(0);
        assertEquals(AggregateFunction.STRING_AGG, stringAgg.function());
        assertTrue(stringAgg.filter().isPresent());
        assertEquals(1, stringAgg.orderBy().size());
        assertFalse(stringAgg.orderBy().getFirst().ascending());
        assertEquals(List.of("-"), stringAgg.parameters());

        AggregateCall percentile = calls.get(1);
        assertEquals(AggregateFunction.QUANTILE_DISC, percentile.function());
        // DESC in WITHIN GROUP counts from the top
        assertEquals(List.of(0.25, true), percentile.parameters());
        assertTrue(percentile.orderBy().isEmpty());

        // ORDER BY does not matter for sum: dropped
        assertTrue(calls.get(2).orderBy().isEmpty());
        assertEquals(AggregateFunction.COUNT_STAR, calls.get(3).function());
        assertTrue(calls.get(3).filter().isPresent());

        String explain = tester.explain("SELECT string_agg(s, '-' ORDER BY a DESC) FILTER (WHERE a > 1) FROM t1");
        assertTrue(explain.contains("string_agg(") && explain.contains("ORDER BY") && explain.contains("FILTER (WHERE #"), explain);
    }

    @Test
    void sameCallWithAndWithoutFilterAreTwoAggregates()
    {
        assertEquals(2, calls("SELECT sum(a), sum(a) FILTER (WHERE a > 0), sum(a) FROM t1").size());
    }

    @Test
    void errors()
    {
        tester.assertFails("SELECT abs(a) FILTER (WHERE a > 1) FROM t1", ErrorCode.WRONG_OBJECT_TYPE, "not an aggregate function");
        tester.assertFails("SELECT upper(s ORDER BY a) FROM t1", ErrorCode.WRONG_OBJECT_TYPE, "upper");
        tester.assertFails("SELECT sum(a) FILTER (WHERE sum(a) > 1) FROM t1", ErrorCode.GROUPING_ERROR, "nested");
        tester.assertFails("SELECT quantile_cont(a, 1.5) FROM t1", ErrorCode.INVALID_PARAMETER_VALUE, "range");
        tester.assertFails("SELECT percentile_cont(-0.1) WITHIN GROUP (ORDER BY a) FROM t1", ErrorCode.INVALID_PARAMETER_VALUE, "[0, 1]");
        tester.assertFails("SELECT quantile_disc(a, b) FROM t1", ErrorCode.INVALID_PARAMETER_VALUE, "constant");
        tester.assertFails("SELECT percentile_cont(0.5) FROM t1", ErrorCode.SYNTAX_ERROR, "WITHIN GROUP");
        tester.assertFails("SELECT stddev(s) FROM t1", ErrorCode.UNDEFINED_FUNCTION, "stddev(VARCHAR)");
        tester.assertFails("SELECT bit_and(f) FROM t1", ErrorCode.UNDEFINED_FUNCTION, "bit_and(DOUBLE)");
        tester.assertFails("SELECT string_agg(s, s) FROM t1", ErrorCode.SYNTAX_ERROR, "constant");
        tester.assertFails("SELECT median(a) OVER () FROM t1", ErrorCode.FEATURE_NOT_SUPPORTED, "window");
        tester.assertFails("SELECT row_number() FILTER (WHERE a > 1) OVER () FROM t1", ErrorCode.SYNTAX_ERROR, "FILTER");
        tester.assertFails("SELECT string_agg(s, ',') OVER () FROM t1", ErrorCode.FEATURE_NOT_SUPPORTED, "window");
        tester.assertFails("SELECT stddev(DISTINCT a) OVER () FROM t1", ErrorCode.FEATURE_NOT_SUPPORTED, "DISTINCT");
    }
}

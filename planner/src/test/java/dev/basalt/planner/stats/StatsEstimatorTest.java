package dev.basalt.planner.stats;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.testing.PlanBuilder;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.basalt.planner.testing.PlanBuilder.call;
import static dev.basalt.planner.testing.PlanBuilder.eq;
import static dev.basalt.planner.testing.PlanBuilder.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsEstimatorTest
{
    private final PlanBuilder builder = new PlanBuilder();
    private final StatsEstimator stats = new StatsEstimator();

    /** A table with INTEGER columns ranging over 0..distinct-1, each value {@code distinct} times as often. */
    private Scan table(String name, long rows, String[] columns, long[] distincts)
    {
        List<Column> schema = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<Symbol> outputs = new ArrayList<>();
        List<TableStatistics.ColumnStatistics> statistics = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            schema.add(new Column(columns[i], DataTypes.INTEGER));
            ordinals.add(i);
            outputs.add(builder.symbol(columns[i], DataTypes.INTEGER));
            statistics.add(new TableStatistics.ColumnStatistics(0, (int) distincts[i] - 1, 0, distincts[i]));
        }
        return new Scan(new TableSchema(name, schema), ordinals, outputs, List.of(), new TableStatistics(rows, statistics));
    }

    @Test
    void boundsOnOneColumnFormOneRange()
    {
        Scan scan = table("t", 10_000, new String[] {"x"}, new long[] {1001});
        Symbol x = scan.outputs().getFirst();
        // 100 <= x < 200 is a tenth of 0..1000, not 0.9 * 0.2 as two independent predicates would give
        Filter filter = new Filter(scan, Expressions.and(List.of(
                call(Function.GREATER_THAN_OR_EQUAL, DataTypes.BOOLEAN, x.reference(), integer(100)),
                call(Function.LESS_THAN, DataTypes.BOOLEAN, x.reference(), integer(200)))));
        assertEquals(1_000, stats.rows(filter), 10);
    }

    @Test
    void compositeForeignKeyIsBoundedByTheReferencedTable()
    {
        // every fact row references one of the dimension's (a, b) rows; alone, neither key identifies a row
        Scan fact = table("fact", 1_000_000, new String[] {"fa", "fb"}, new long[] {1_000, 100});
        Scan dimension = table("dimension", 10_000, new String[] {"da", "db"}, new long[] {1_000, 100});
        Join join = Join.inner(fact, dimension, Optional.of(Expressions.and(
                eq(fact.outputs().get(0), dimension.outputs().get(0)),
                eq(fact.outputs().get(1), dimension.outputs().get(1)))));
        assertEquals(1_000_000, stats.rows(join), 1);
    }

    @Test
    void semiJoinKeepsTheRowsWhoseKeyOccursOnTheOtherSide()
    {
        Scan fact = table("fact", 100_000, new String[] {"k"}, new long[] {1_000});
        Scan keys = table("keys", 10, new String[] {"key"}, new long[] {10});
        Optional<dev.basalt.planner.expression.RowExpression> condition = Optional.of(eq(fact.outputs().getFirst(), keys.outputs().getFirst()));
        // 10 of 1000 key values: 1% of the rows
        assertEquals(1_000, stats.rows(new Join(JoinType.SEMI, fact, keys, condition, Optional.empty())), 1);
        assertEquals(99_000, stats.rows(new Join(JoinType.ANTI, fact, keys, condition, Optional.empty())), 1);
    }
}

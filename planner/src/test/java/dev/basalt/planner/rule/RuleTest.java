package dev.basalt.planner.rule;

import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Aggregation;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.LogicalPlanPrinter;
import dev.basalt.planner.logical.Ordering;
import dev.basalt.planner.logical.Output;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.TopN;
import dev.basalt.planner.logical.Values;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.testing.PlanBuilder;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.basalt.planner.testing.PlanBuilder.compare;
import static dev.basalt.planner.testing.PlanBuilder.eq;
import static dev.basalt.planner.testing.PlanBuilder.gt;
import static dev.basalt.planner.testing.PlanBuilder.integer;
import static dev.basalt.planner.testing.PlanBuilder.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule on small plans: it fires where it should and leaves other plans alone (same instance). */
class RuleTest
{
    private final PlanBuilder builder = new PlanBuilder();

    // ---------------------------------------------------------------- ConstantFolding

    @Test
    void constantFoldingComputesConstants()
    {
        Scan scan = builder.scan("t", 10, "a");
        Symbol a = scan.outputs().getFirst();
        RowExpression onePlusTwo = PlanBuilder.call(Function.ADD, DataTypes.INTEGER, integer(1), integer(2));
        LogicalPlan plan = new Filter(scan, compare(Function.GREATER_THAN, ref(a), onePlusTwo));
        Filter folded = assertInstanceOf(Filter.class, builder.apply(new ConstantFolding(), plan));
        assertEquals(gt(a, 3), folded.predicate());

        RowExpression date = PlanBuilder.call(Function.DATE_SUBTRACT, DataTypes.DATE, new Constant(LocalDate.parse("1998-12-01"), DataTypes.DATE),
                new Constant(dev.basalt.spi.value.Interval.ofDays(90), DataTypes.INTERVAL));
        Project project = new Project(scan, List.of(builder.symbol("x", DataTypes.DATE)), List.of(date));
        Project foldedProject = assertInstanceOf(Project.class, builder.apply(new ConstantFolding(), project));
        assertEquals(new Constant(LocalDate.parse("1998-09-02"), DataTypes.DATE), foldedProject.expressions().getFirst());
    }

    @Test
    void constantFoldingLeavesErrorsToExecution()
    {
        Scan scan = builder.scan("t", 10, "a");
        RowExpression divideByZero = PlanBuilder.call(Function.DIVIDE, DataTypes.INTEGER, integer(1), integer(0));
        RowExpression overflow = PlanBuilder.call(Function.MULTIPLY, DataTypes.INTEGER, integer(Integer.MAX_VALUE), integer(2));
        RowExpression badCast = new dev.basalt.planner.expression.Cast(new Constant("abc", DataTypes.VARCHAR), DataTypes.INTEGER);
        Project project = new Project(scan, List.of(builder.symbol("x", DataTypes.INTEGER), builder.symbol("y", DataTypes.INTEGER),
                builder.symbol("z", DataTypes.INTEGER)), List.of(divideByZero, overflow, badCast));
        assertSame(project, builder.apply(new ConstantFolding(), project));
        // ... but a TRY_CAST that fails is NULL
        RowExpression tryCast = new dev.basalt.planner.expression.Cast(new Constant("abc", DataTypes.VARCHAR), DataTypes.INTEGER, true);
        Project tried = new Project(scan, List.of(builder.symbol("w", DataTypes.INTEGER)), List.of(tryCast));
        assertEquals(new Constant(null, DataTypes.INTEGER), ((Project) builder.apply(new ConstantFolding(), tried)).expressions().getFirst());
    }

    @Test
    void constantFoldingSimplifiesBooleans()
    {
        Scan scan = builder.scan("t", 10, "a", "b");
        Symbol a = scan.outputs().get(0);
        Symbol b = scan.outputs().get(1);
        // x AND TRUE -> x; NOT (a > 1) -> a <= 1; (p AND q) OR (p AND r) -> p AND (q OR r)
        Filter filter = new Filter(scan, Expressions.and(gt(a, 1), Expressions.TRUE));
        assertEquals(gt(a, 1), ((Filter) builder.apply(new ConstantFolding(), filter)).predicate());
        Filter negated = new Filter(scan, Expressions.booleanCall(Function.NOT, gt(a, 1)));
        assertEquals(compare(Function.LESS_THAN_OR_EQUAL, ref(a), integer(1)), ((Filter) builder.apply(new ConstantFolding(), negated)).predicate());
        RowExpression p = eq(a, b);
        RowExpression or = new Call(Function.OR, List.of(Expressions.and(p, gt(a, 1)), Expressions.and(p, gt(b, 2))), DataTypes.BOOLEAN);
        Filter factored = (Filter) builder.apply(new ConstantFolding(), new Filter(scan, or));
        assertEquals(Expressions.and(p, new Call(Function.OR, List.of(gt(a, 1), gt(b, 2)), DataTypes.BOOLEAN)), factored.predicate());
    }

    // ---------------------------------------------------------------- filters

    @Test
    void removeTrivialFilters()
    {
        Scan scan = builder.scan("t", 10, "a");
        assertSame(scan, builder.apply(new RemoveTrivialFilters(), new Filter(scan, Expressions.TRUE)));
        LogicalPlan empty = builder.apply(new RemoveTrivialFilters(), new Filter(scan, new Constant(null, DataTypes.BOOLEAN)));
        assertEquals(Values.empty(scan.outputs()), empty);
        Filter real = new Filter(scan, gt(scan.outputs().getFirst(), 1));
        assertSame(real, builder.apply(new RemoveTrivialFilters(), real));
    }

    @Test
    void propagateEmptyRelations()
    {
        Scan scan = builder.scan("t", 10, "a");
        Values empty = Values.empty(List.of(builder.symbol("e", DataTypes.INTEGER)));
        Join join = Join.inner(scan, empty, Optional.empty());
        assertEquals(Values.empty(join.outputs()), builder.apply(new PropagateEmptyRelations(), join));
        // a global aggregate returns one row even for an empty input
        Aggregate global = new Aggregate(empty, List.of(), List.of(new Aggregation(builder.symbol("n", DataTypes.BIGINT), AggregateFunction.COUNT_STAR, List.of(), false)));
        assertSame(global, builder.apply(new PropagateEmptyRelations(), global));
        Limit zero = new Limit(scan, 0, 0);
        assertEquals(Values.empty(scan.outputs()), builder.apply(new PropagateEmptyRelations(), zero));
    }

    @Test
    void mergeFilters()
    {
        Scan scan = builder.scan("t", 10, "a", "b");
        Symbol a = scan.outputs().get(0);
        Symbol b = scan.outputs().get(1);
        LogicalPlan merged = builder.apply(new MergeFilters(), new Filter(new Filter(scan, gt(a, 1)), gt(b, 2)));
        assertEquals(new Filter(scan, Expressions.and(gt(a, 1), gt(b, 2))), merged);
        Filter single = new Filter(scan, gt(a, 1));
        assertSame(single, builder.apply(new MergeFilters(), single));
    }

    @Test
    void pushFilterThroughProject()
    {
        Scan scan = builder.scan("t", 10, "a");
        Symbol a = scan.outputs().getFirst();
        Symbol plusOne = builder.symbol("p", DataTypes.INTEGER);
        Project project = new Project(scan, List.of(plusOne), List.of(PlanBuilder.call(Function.ADD, DataTypes.INTEGER, ref(a), integer(1))));
        LogicalPlan pushed = builder.apply(new PushFilterThroughProject(), new Filter(project, gt(plusOne, 5)));
        Project top = assertInstanceOf(Project.class, pushed);
        Filter below = assertInstanceOf(Filter.class, top.source());
        assertEquals(compare(Function.GREATER_THAN, PlanBuilder.call(Function.ADD, DataTypes.INTEGER, ref(a), integer(1)), integer(5)), below.predicate());
        assertSame(project, builder.apply(new PushFilterThroughProject(), project));
    }

    @Test
    void pushFilterThroughSort()
    {
        Scan scan = builder.scan("t", 10, "a");
        Symbol a = scan.outputs().getFirst();
        Sort sort = new Sort(scan, List.of(new Ordering(a, true, false)));
        assertEquals(new Sort(new Filter(scan, gt(a, 1)), sort.orderings()), builder.apply(new PushFilterThroughSort(), new Filter(sort, gt(a, 1))));
        Limit limit = new Limit(scan, 5, 0);
        Filter overLimit = new Filter(limit, gt(a, 1));
        assertSame(overLimit, builder.apply(new PushFilterThroughSort(), overLimit));
    }

    @Test
    void pushFilterThroughAggregate()
    {
        Scan scan = builder.scan("t", 10, "k", "v");
        Symbol k = scan.outputs().get(0);
        Symbol v = scan.outputs().get(1);
        Symbol total = builder.symbol("total", DataTypes.BIGINT);
        Aggregate aggregate = new Aggregate(scan, List.of(k), List.of(new Aggregation(total, AggregateFunction.SUM, List.of(v), false)));
        RowExpression onKey = gt(k, 1);
        RowExpression onTotal = compare(Function.GREATER_THAN, ref(total), new Constant(10L, DataTypes.BIGINT));
        LogicalPlan pushed = builder.apply(new PushFilterThroughAggregate(), new Filter(aggregate, Expressions.and(onKey, onTotal)));
        assertEquals(new Filter(new Aggregate(new Filter(scan, onKey), List.of(k), aggregate.aggregations()), onTotal), pushed);

        Aggregate global = new Aggregate(scan, List.of(), aggregate.aggregations());
        Filter overGlobal = new Filter(global, onTotal);
        assertSame(overGlobal, builder.apply(new PushFilterThroughAggregate(), overGlobal));
    }

    @Test
    void pushFilterIntoJoinTurnsCrossProductsIntoJoins()
    {
        Scan left = builder.scan("l", 10, "a");
        Scan right = builder.scan("r", 10, "b");
        Symbol a = left.outputs().getFirst();
        Symbol b = right.outputs().getFirst();
        Join cross = Join.inner(left, right, Optional.empty());
        LogicalPlan pushed = builder.apply(new PushFilterIntoJoin(), new Filter(cross, Expressions.and(List.of(eq(a, b), gt(a, 1), gt(b, 2)))));
        assertEquals(Join.inner(new Filter(left, gt(a, 1)), new Filter(right, gt(b, 2)), Optional.of(eq(a, b))), pushed);
        assertSame(cross, builder.apply(new PushFilterIntoJoin(), cross));
    }

    @Test
    void pushJoinConditionIntoInputs()
    {
        Scan left = builder.scan("l", 10, "a");
        Scan right = builder.scan("r", 10, "b");
        Symbol a = left.outputs().getFirst();
        Symbol b = right.outputs().getFirst();
        Join join = Join.inner(left, right, Optional.of(Expressions.and(eq(a, b), gt(b, 2))));
        assertEquals(Join.inner(left, new Filter(right, gt(b, 2)), Optional.of(eq(a, b))), builder.apply(new PushJoinConditionIntoInputs(), join));
        Join equiOnly = Join.inner(left, right, Optional.of(eq(a, b)));
        assertSame(equiOnly, builder.apply(new PushJoinConditionIntoInputs(), equiOnly));
    }

    // ---------------------------------------------------------------- projections

    @Test
    void mergeProjections()
    {
        Scan scan = builder.scan("t", 10, "a");
        Symbol a = scan.outputs().getFirst();
        Symbol doubled = builder.symbol("d", DataTypes.INTEGER);
        Symbol outer = builder.symbol("o", DataTypes.INTEGER);
        RowExpression times = PlanBuilder.call(Function.MULTIPLY, DataTypes.INTEGER, ref(a), integer(2));
        Project inner = new Project(scan, List.of(doubled), List.of(times));
        Project once = new Project(inner, List.of(outer), List.of(PlanBuilder.call(Function.ADD, DataTypes.INTEGER, ref(doubled), integer(1))));
        assertEquals(new Project(scan, List.of(outer), List.of(PlanBuilder.call(Function.ADD, DataTypes.INTEGER, times, integer(1)))),
                builder.apply(new MergeProjections(), once));
        // d used twice: merging would compute a * 2 twice
        Project twice = new Project(inner, List.of(outer), List.of(PlanBuilder.call(Function.ADD, DataTypes.INTEGER, ref(doubled), ref(doubled))));
        assertSame(twice, builder.apply(new MergeProjections(), twice));
    }

    @Test
    void removeIdentityProjections()
    {
        Scan scan = builder.scan("t", 10, "a", "b");
        assertSame(scan, builder.apply(new RemoveIdentityProjections(), Project.identity(scan, scan.outputs())));
        Project narrowing = Project.identity(scan, List.of(scan.outputs().get(1)));
        assertSame(narrowing, builder.apply(new RemoveIdentityProjections(), narrowing));
    }

    @Test
    void pruneColumnsReadsOnlyNeededColumns()
    {
        Scan scan = builder.scan("t", 10, "a", "b", "c");
        Symbol a = scan.outputs().get(0);
        Symbol c = scan.outputs().get(2);
        LogicalPlan plan = new Output(new Filter(scan, gt(c, 1)), List.of(a), List.of("a"));
        Output pruned = assertInstanceOf(Output.class, builder.apply(new PruneColumns(), plan));
        Scan prunedScan = assertInstanceOf(Scan.class, pruned.source().sources().getFirst());
        assertEquals(List.of(0, 2), prunedScan.columns());
        assertEquals(List.of(a, c), prunedScan.outputs());

        // count(*) reads one column, the narrowest
        Scan mixed = builder.scan(new TableSchema("m", List.of(new Column("v", DataTypes.VARCHAR), new Column("s", DataTypes.SMALLINT))), 10);
        Symbol count = builder.symbol("count", DataTypes.BIGINT);
        LogicalPlan counting = new Output(new Aggregate(mixed, List.of(), List.of(new Aggregation(count, AggregateFunction.COUNT_STAR, List.of(), false))),
                List.of(count), List.of("count"));
        Scan narrow = assertInstanceOf(Scan.class, builder.apply(new PruneColumns(), counting).sources().getFirst().sources().getFirst());
        assertEquals(List.of(1), narrow.columns());

        // nothing to prune: same plan
        LogicalPlan all = new Output(scan, scan.outputs(), List.of("a", "b", "c"));
        assertEquals(all, builder.apply(new PruneColumns(), all));
    }

    @Test
    void pruneColumnsNarrowsJoinInputs()
    {
        Scan left = builder.scan("l", 10, "a", "x");
        Scan right = builder.scan("r", 10, "b", "y");
        Symbol a = left.outputs().get(0);
        Symbol x = left.outputs().get(1);
        Symbol b = right.outputs().get(0);
        // x is read by the filter under the join but not above it
        LogicalPlan plan = new Output(Join.inner(new Filter(left, gt(x, 1)), right, Optional.of(eq(a, b))), List.of(b), List.of("b"));
        Join join = assertInstanceOf(Join.class, builder.apply(new PruneColumns(), plan).sources().getFirst());
        assertEquals(List.of(a), join.left().outputs());
        assertEquals(List.of(b), join.right().outputs());
    }

    // ---------------------------------------------------------------- joins

    @Test
    void reorderJoinsStartsSmallAndAvoidsCrossProducts()
    {
        Scan big = builder.scan("big", 1_000_000, "bk", "sk");
        Scan medium = builder.scan("medium", 10_000, "mk");
        Scan small = builder.scan("small", 10, "sk2");
        Symbol bk = big.outputs().get(0);
        Symbol sk = big.outputs().get(1);
        Symbol mk = medium.outputs().getFirst();
        Symbol sk2 = small.outputs().getFirst();
        // written as (medium x small) join big: medium and small are not connected
        LogicalPlan written = Join.inner(Join.inner(medium, small, Optional.empty()), big, Optional.of(Expressions.and(eq(bk, mk), eq(sk, sk2))));
        LogicalPlan reordered = builder.apply(new ReorderJoins(), written);
        String printed = LogicalPlanPrinter.print(reordered);
        assertTrue(!printed.contains("Join[INNER]\n"), () -> "a cross product remains:\n" + printed);
        Join top = assertInstanceOf(Join.class, reordered);
        // the small relation is joined first, with its partner; the (smaller) result is the build side of the top join
        assertSame(medium, top.left(), printed);
        Join bottom = assertInstanceOf(Join.class, top.right());
        assertTrue(bottom.left() == small || bottom.right() == small, printed);
        assertTrue(bottom.left() == big || bottom.right() == big, printed);
        // deterministic: a second application changes nothing
        assertEquals(reordered, builder.apply(new ReorderJoins(), reordered));
    }

    @Test
    void selectiveSemiJoinMovesBelowInnerJoin()
    {
        Scan x = builder.scan("x", 1000, "a");
        Scan y = builder.scan("y", 100_000, "b");
        Scan keys = builder.scan("keys", 10, "c");
        Symbol a = x.outputs().getFirst();
        Symbol b = y.outputs().getFirst();
        Symbol c = keys.outputs().getFirst();
        Join inner = Join.inner(y, x, Optional.of(eq(b, a)));
        Join semi = new Join(JoinType.SEMI, inner, keys, Optional.of(eq(a, c)), Optional.empty());
        Join rewritten = assertInstanceOf(Join.class, builder.apply(new PushSemiJoinBelowInnerJoin(), semi));
        assertEquals(JoinType.INNER, rewritten.type());
        assertEquals(semi.outputs(), rewritten.outputs());
        assertSame(y, rewritten.left());
        Join pushed = assertInstanceOf(Join.class, rewritten.right());
        assertEquals(JoinType.SEMI, pushed.type());
        assertSame(x, pushed.left());
        // a semi join that keeps (nearly) everything stays where it is
        Join unselective = new Join(JoinType.SEMI, inner, y, Optional.of(eq(a, b)), Optional.empty());
        assertSame(unselective, builder.apply(new PushSemiJoinBelowInnerJoin(), unselective));
    }

    @Test
    void reorderJoinsLeavesTwoWayJoinsAlone()
    {
        Scan left = builder.scan("l", 10, "a");
        Scan right = builder.scan("r", 1000, "b");
        Join join = Join.inner(left, right, Optional.of(eq(left.outputs().getFirst(), right.outputs().getFirst())));
        assertSame(join, builder.apply(new ReorderJoins(), join));
    }

    // ---------------------------------------------------------------- scan hints, TopN

    @Test
    void extractScanPredicates()
    {
        TableSchema schema = new TableSchema("t", List.of(new Column("a", DataTypes.INTEGER), new Column("d", DataTypes.DATE),
                new Column("c", DecimalType.of(15, 2)), new Column("s", DataTypes.VARCHAR)));
        Scan scan = builder.scan(schema, 100);
        Symbol a = scan.outputs().get(0);
        Symbol d = scan.outputs().get(1);
        Symbol c = scan.outputs().get(2);
        Symbol s = scan.outputs().get(3);
        RowExpression predicate = Expressions.and(List.of(
                compare(Function.GREATER_THAN_OR_EQUAL, ref(d), new Constant(LocalDate.parse("1994-01-01"), DataTypes.DATE)),
                compare(Function.LESS_THAN, ref(d), new Constant(LocalDate.parse("1995-01-01"), DataTypes.DATE)),
                compare(Function.LESS_THAN, integer(5), ref(a)),
                compare(Function.LESS_THAN, ref(c), new Constant(new BigDecimal("0.055"), DecimalType.of(4, 3))),
                Expressions.booleanCall(Function.IS_NULL, ref(s)),
                compare(Function.EQUAL, ref(a), ref(a))));
        Filter filter = assertInstanceOf(Filter.class, builder.apply(new ExtractScanPredicates(), new Filter(scan, predicate)));
        Scan hinted = assertInstanceOf(Scan.class, filter.source());
        assertEquals(List.of(
                new ColumnPredicate.Range(0, 5, false, null, false),
                new ColumnPredicate.Range(1, LocalDate.parse("1994-01-01"), true, LocalDate.parse("1995-01-01"), false),
                // c < 0.055 at the column's scale 2 is exactly c <= 0.05 (rounded down, and inclusive)
                new ColumnPredicate.Range(2, null, false, new BigDecimal("0.05"), true),
                new ColumnPredicate.IsNull(3)), hinted.predicates());
        assertEquals(predicate, filter.predicate());
        // applying again changes nothing
        assertSame(filter, builder.apply(new ExtractScanPredicates(), filter));
        // no usable conjunct: untouched
        Filter useless = new Filter(scan, compare(Function.EQUAL, ref(a), ref(a)));
        assertSame(useless, builder.apply(new ExtractScanPredicates(), useless));
    }

    @Test
    void sortLimitToTopN()
    {
        Scan scan = builder.scan("t", 10, "a");
        Sort sort = new Sort(scan, List.of(new Ordering(scan.outputs().getFirst(), false, true)));
        assertEquals(new TopN(scan, sort.orderings(), 10), builder.apply(new SortLimitToTopN(), new Limit(sort, 10, 0)));
        assertEquals(new Limit(new TopN(scan, sort.orderings(), 15), 10, 5), builder.apply(new SortLimitToTopN(), new Limit(sort, 10, 5)));
        Limit offsetOnly = new Limit(sort, Long.MAX_VALUE, 5);
        assertSame(offsetOnly, builder.apply(new SortLimitToTopN(), offsetOnly));
        Limit unsorted = new Limit(scan, 10, 0);
        assertSame(unsorted, builder.apply(new SortLimitToTopN(), unsorted));
    }

    // ---------------------------------------------------------------- optimizer

    @Test
    void disabledRulesDoNotRun()
    {
        Scan scan = builder.scan("t", 10, "a");
        Symbol a = scan.outputs().getFirst();
        LogicalPlan plan = new Output(new Filter(new Filter(scan, gt(a, 1)), gt(a, 2)), List.of(a), List.of("a"));
        Optimizer all = new Optimizer(Optimizer.defaultPhases(), PlannerSettings.defaults());
        assertInstanceOf(Scan.class, all.optimize(plan, builder.context()).sources().getFirst().sources().getFirst());
        Optimizer withoutMerge = new Optimizer(Optimizer.defaultPhases(), PlannerSettings.defaults().withDisabledRules(Set.of("MergeFilters")));
        LogicalPlan unmerged = withoutMerge.optimize(plan, builder.context());
        assertInstanceOf(Filter.class, unmerged.sources().getFirst().sources().getFirst());
        assertTrue(Optimizer.ruleNames().contains("ReorderJoins"));
        assertTrue(Optimizer.ruleNames().contains("ExtractScanPredicates"));
    }
}

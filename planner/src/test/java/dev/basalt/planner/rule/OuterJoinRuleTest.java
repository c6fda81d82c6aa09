package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.testing.PlanBuilder;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.basalt.planner.testing.PlanBuilder.eq;
import static dev.basalt.planner.testing.PlanBuilder.gt;
import static dev.basalt.planner.testing.PlanBuilder.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Predicate pushdown around outer, semi, anti and mark joins keeps their semantics. */
class OuterJoinRuleTest
{
    private final PlanBuilder builder = new PlanBuilder();
    private final Scan left = builder.scan("l", 10, "a");
    private final Scan right = builder.scan("r", 10, "b");
    private final Symbol a = left.outputs().getFirst();
    private final Symbol b = right.outputs().getFirst();

    private Join join(JoinType type, RowExpression condition)
    {
        return new Join(type, left, right, Optional.of(condition), Optional.empty());
    }

    private static RowExpression isNull(Symbol symbol)
    {
        return Expressions.booleanCall(Function.IS_NULL, ref(symbol));
    }

    @Test
    void nullRejectingPredicateTurnsLeftJoinIntoInnerJoin()
    {
        LogicalPlan plan = new Filter(join(JoinType.LEFT, eq(a, b)), gt(b, 2));
        LogicalPlan rewritten = builder.apply(new PushFilterIntoJoin(), plan);
        assertEquals(new Join(JoinType.INNER, left, new Filter(right, gt(b, 2)), Optional.of(eq(a, b)), Optional.empty()), rewritten);
    }

    @Test
    void isNullOnTheNullSupplyingSideStaysAboveTheJoin()
    {
        LogicalPlan plan = new Filter(join(JoinType.LEFT, eq(a, b)), isNull(b));
        assertSame(plan, builder.apply(new PushFilterIntoJoin(), plan));
    }

    @Test
    void preservedSidePredicatesMoveBelowAnOuterJoin()
    {
        LogicalPlan plan = new Filter(join(JoinType.LEFT, eq(a, b)), Expressions.and(gt(a, 1), isNull(b)));
        assertEquals(new Filter(new Join(JoinType.LEFT, new Filter(left, gt(a, 1)), right, Optional.of(eq(a, b)), Optional.empty()), isNull(b)),
                builder.apply(new PushFilterIntoJoin(), plan));
        // RIGHT: the right side is preserved
        LogicalPlan rightJoin = new Filter(join(JoinType.RIGHT, eq(a, b)), gt(b, 1));
        assertEquals(new Join(JoinType.RIGHT, left, new Filter(right, gt(b, 1)), Optional.of(eq(a, b)), Optional.empty()),
                builder.apply(new PushFilterIntoJoin(), rightJoin));
    }

    @Test
    void fullJoinBecomesOneSidedWhenOneSideIsNullRejected()
    {
        LogicalPlan plan = new Filter(join(JoinType.FULL, eq(a, b)), gt(a, 1));
        LogicalPlan once = new PushFilterIntoJoin().apply(plan, builder.context());
        // FULL -> LEFT (a's NULLs rejected), then the predicate on the preserved side moves below
        assertEquals(new Join(JoinType.LEFT, new Filter(left, gt(a, 1)), right, Optional.of(eq(a, b)), Optional.empty()), once);
        LogicalPlan keep = new Filter(join(JoinType.FULL, eq(a, b)), Expressions.booleanCall(Function.OR, isNull(a), isNull(b)));
        assertSame(keep, builder.apply(new PushFilterIntoJoin(), keep));
    }

    @Test
    void onConditionsOfOuterJoinsOnlyPushIntoTheInnerSide()
    {
        Join leftJoin = join(JoinType.LEFT, Expressions.and(List.of(eq(a, b), gt(a, 1), gt(b, 2))));
        assertEquals(new Join(JoinType.LEFT, left, new Filter(right, gt(b, 2)), Optional.of(Expressions.and(eq(a, b), gt(a, 1))), Optional.empty()),
                builder.apply(new PushJoinConditionIntoInputs(), leftJoin));
        Join fullJoin = join(JoinType.FULL, Expressions.and(List.of(eq(a, b), gt(a, 1), gt(b, 2))));
        assertSame(fullJoin, builder.apply(new PushJoinConditionIntoInputs(), fullJoin));
        Join antiJoin = join(JoinType.ANTI, Expressions.and(List.of(eq(a, b), gt(a, 1), gt(b, 2))));
        assertEquals(new Join(JoinType.ANTI, left, new Filter(right, gt(b, 2)), Optional.of(Expressions.and(eq(a, b), gt(a, 1))), Optional.empty()),
                builder.apply(new PushJoinConditionIntoInputs(), antiJoin));
        Symbol mark = builder.symbol("mark", DataTypes.BOOLEAN);
        Join markJoin = new Join(JoinType.MARK, left, right, Optional.of(Expressions.and(eq(a, b), gt(b, 2))), Optional.of(mark));
        assertSame(markJoin, builder.apply(new PushJoinConditionIntoInputs(), markJoin));
    }

    @Test
    void semiJoinFiltersOnTheLeftMoveBelow()
    {
        Join semi = join(JoinType.SEMI, eq(a, b));
        LogicalPlan plan = new Filter(semi, gt(a, 3));
        assertEquals(new Join(JoinType.SEMI, new Filter(left, gt(a, 3)), right, Optional.of(eq(a, b)), Optional.empty()),
                builder.apply(new PushFilterIntoJoin(), plan));
    }

    @Test
    void reorderJoinsLeavesOuterJoinsAlone()
    {
        Join leftJoin = join(JoinType.LEFT, eq(a, b));
        assertSame(leftJoin, builder.apply(new ReorderJoins(), leftJoin));
    }
}

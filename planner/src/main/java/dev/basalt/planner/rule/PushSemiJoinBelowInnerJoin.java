package dev.basalt.planner.rule;

import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.plan.JoinType;

import java.util.List;
import java.util.Set;

/**
 * Moves a selective semi or anti join below an inner join, to the input whose columns its condition reads:
 * {@code (X JOIN Y) SEMI S ON f(X, S)} becomes {@code (X SEMI S ON f(X, S)) JOIN Y}. Both keep the same rows (the
 * semi join only filters X's rows), but the filter then runs before the inner join instead of after it, and join
 * ordering sees the reduced input (TPC-H Q18: the few orders with a large quantity are found before orders are
 * joined with lineitem, not after). Only when the estimate says the semi join keeps at most half of X's rows, as
 * probing with X instead of X JOIN Y may cost more when the inner join is the stronger filter.
 */
public final class PushSemiJoinBelowInnerJoin extends NodeRule
{
    private static final double MAX_KEPT_FRACTION = 0.5;

    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Join semi) || (semi.type() != JoinType.SEMI && semi.type() != JoinType.ANTI)
                || semi.condition().isEmpty() || !(semi.left() instanceof Join inner) || inner.type() != JoinType.INNER) {
            return null;
        }
        Set<Integer> used = Expressions.symbolIds(semi.condition().get());
        used.retainAll(Expressions.ids(inner.outputs()));
        if (used.isEmpty()) {
            return null;
        }
        boolean intoLeft = Expressions.ids(inner.left().outputs()).containsAll(used);
        boolean intoRight = !intoLeft && Expressions.ids(inner.right().outputs()).containsAll(used);
        if (!intoLeft && !intoRight) {
            return null;
        }
        LogicalPlan target = intoLeft ? inner.left() : inner.right();
        Join pushed = new Join(semi.type(), target, semi.right(), semi.condition(), semi.mark());
        double targetRows = context.stats().rows(target);
        if (!(targetRows > 0) || context.stats().rows(pushed) > MAX_KEPT_FRACTION * targetRows) {
            return null;
        }
        return intoLeft ? inner.withSources(List.of(pushed, inner.right())) : inner.withSources(List.of(inner.left(), pushed));
    }
}

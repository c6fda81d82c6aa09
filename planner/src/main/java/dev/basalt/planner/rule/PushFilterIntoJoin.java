package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.plan.JoinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A filter above an inner join: conjuncts on one side filter that side, conjuncts on both sides become join
 * conditions (so {@code FROM a, b WHERE a.x = b.y} turns its cross product into an equi-join).
 */
public final class PushFilterIntoJoin extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Filter filter) || !(filter.source() instanceof Join join) || join.type() != JoinType.INNER) {
            return null;
        }
        Set<Integer> leftIds = Expressions.ids(join.left().outputs());
        Set<Integer> rightIds = Expressions.ids(join.right().outputs());
        List<RowExpression> left = new ArrayList<>();
        List<RowExpression> right = new ArrayList<>();
        List<RowExpression> both = new ArrayList<>();
        List<RowExpression> kept = new ArrayList<>();
        for (RowExpression conjunct : Expressions.conjuncts(filter.predicate())) {
            Set<Integer> ids = Expressions.symbolIds(conjunct);
            if (ids.isEmpty()) {
                kept.add(conjunct);
            }
            else if (leftIds.containsAll(ids)) {
                left.add(conjunct);
            }
            else if (rightIds.containsAll(ids)) {
                right.add(conjunct);
            }
            else {
                both.add(conjunct);
            }
        }
        if (left.isEmpty() && right.isEmpty() && both.isEmpty()) {
            return null;
        }
        LogicalPlan newLeft = left.isEmpty() ? join.left() : filter(join.left(), left, context);
        LogicalPlan newRight = right.isEmpty() ? join.right() : filter(join.right(), right, context);
        List<RowExpression> condition = new ArrayList<>();
        join.condition().ifPresent(condition::add);
        condition.addAll(both);
        LogicalPlan result = new Join(join.type(), newLeft, newRight, Expressions.andOptional(condition), join.mark());
        return kept.isEmpty() ? result : new Filter(result, Expressions.and(kept));
    }

    /**
     * The conjuncts as a filter over {@code source}, merged with a filter already there and pushed on into a join
     * below right away, so a long chain of comma-joined tables is handled in one pass instead of one level per pass.
     */
    private LogicalPlan filter(LogicalPlan source, List<RowExpression> conjuncts, RuleContext context)
    {
        if (source instanceof Filter existing) {
            List<RowExpression> merged = new ArrayList<>(Expressions.conjuncts(existing.predicate()));
            merged.addAll(conjuncts);
            return filter(existing.source(), merged, context);
        }
        Filter filter = new Filter(source, Expressions.and(conjuncts));
        LogicalPlan pushed = rewrite(filter, context);
        return pushed == null ? filter : pushed;
    }
}

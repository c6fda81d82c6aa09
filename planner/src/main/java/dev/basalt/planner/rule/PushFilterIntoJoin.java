package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.NullRejection;
import dev.basalt.planner.plan.JoinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A filter above a join. Inner join: conjuncts on one side filter that side, conjuncts on both sides become join
 * conditions (so {@code FROM a, b WHERE a.x = b.y} turns its cross product into an equi-join). Outer joins: a
 * conjunct that rejects NULLs of a null-supplying side first turns the join into an inner (or one-sided) join;
 * otherwise only conjuncts on a preserved side move below it (a predicate on the null-supplying side must see the
 * NULL-padded rows). SEMI/ANTI/MARK joins: conjuncts on the left side move into the left input.
 */
public final class PushFilterIntoJoin extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Filter filter) || !(filter.source() instanceof Join join)) {
            return null;
        }
        if (join.type() == JoinType.INNER) {
            return pushIntoInner(filter, join, context);
        }
        Set<Integer> leftIds = Expressions.ids(join.left().outputs());
        Set<Integer> rightIds = Expressions.ids(join.right().outputs());
        List<RowExpression> conjuncts = Expressions.conjuncts(filter.predicate());
        JoinType simplified = simplify(join.type(), conjuncts, leftIds, rightIds);
        if (simplified != join.type()) {
            Filter simpler = new Filter(new Join(simplified, join.left(), join.right(), join.condition(), join.mark()), filter.predicate());
            LogicalPlan pushed = rewrite(simpler, context);
            return pushed == null ? simpler : pushed;
        }
        boolean pushLeft = join.type() != JoinType.RIGHT && join.type() != JoinType.FULL;
        boolean pushRight = join.type() == JoinType.RIGHT;
        List<RowExpression> left = new ArrayList<>();
        List<RowExpression> right = new ArrayList<>();
        List<RowExpression> kept = new ArrayList<>();
        for (RowExpression conjunct : conjuncts) {
            Set<Integer> ids = Expressions.symbolIds(conjunct);
            if (!ids.isEmpty() && pushLeft && leftIds.containsAll(ids)) {
                left.add(conjunct);
            }
            else if (!ids.isEmpty() && pushRight && rightIds.containsAll(ids)) {
                right.add(conjunct);
            }
            else {
                kept.add(conjunct);
            }
        }
        if (left.isEmpty() && right.isEmpty()) {
            return null;
        }
        LogicalPlan newLeft = left.isEmpty() ? join.left() : new Filter(join.left(), Expressions.and(left));
        LogicalPlan newRight = right.isEmpty() ? join.right() : new Filter(join.right(), Expressions.and(right));
        LogicalPlan result = new Join(join.type(), newLeft, newRight, join.condition(), join.mark());
        return kept.isEmpty() ? result : new Filter(result, Expressions.and(kept));
    }

    /** The join type once WHERE conjuncts that reject a null-supplying side's NULLs are taken into account. */
    private static JoinType simplify(JoinType type, List<RowExpression> conjuncts, Set<Integer> leftIds, Set<Integer> rightIds)
    {
        boolean rejectsLeftNulls = false;
        boolean rejectsRightNulls = false;
        for (RowExpression conjunct : conjuncts) {
            rejectsLeftNulls |= NullRejection.rejectsNulls(conjunct, leftIds);
            rejectsRightNulls |= NullRejection.rejectsNulls(conjunct, rightIds);
        }
        return switch (type) {
            case LEFT -> rejectsRightNulls ? JoinType.INNER : type;
            case RIGHT -> rejectsLeftNulls ? JoinType.INNER : type;
            case FULL -> rejectsLeftNulls && rejectsRightNulls ? JoinType.INNER
                    : rejectsLeftNulls ? JoinType.LEFT
                    : rejectsRightNulls ? JoinType.RIGHT
                    : type;
            default -> type;
        };
    }

    private LogicalPlan pushIntoInner(Filter filter, Join join, RuleContext context)
    {
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

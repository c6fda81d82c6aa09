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

/** Inner-join condition conjuncts that read only one side filter that side before the join. */
public final class PushJoinConditionIntoInputs extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Join join) || join.type() != JoinType.INNER || join.condition().isEmpty()) {
            return null;
        }
        Set<Integer> leftIds = Expressions.ids(join.left().outputs());
        Set<Integer> rightIds = Expressions.ids(join.right().outputs());
        List<RowExpression> left = new ArrayList<>();
        List<RowExpression> right = new ArrayList<>();
        List<RowExpression> kept = new ArrayList<>();
        for (RowExpression conjunct : Expressions.conjuncts(join.condition().get())) {
            Set<Integer> ids = Expressions.symbolIds(conjunct);
            if (!ids.isEmpty() && leftIds.containsAll(ids)) {
                left.add(conjunct);
            }
            else if (!ids.isEmpty() && rightIds.containsAll(ids)) {
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
        return new Join(join.type(), newLeft, newRight, Expressions.andOptional(kept), join.mark());
    }
}

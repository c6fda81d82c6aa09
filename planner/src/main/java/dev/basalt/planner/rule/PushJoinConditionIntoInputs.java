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
 * Join condition conjuncts that read only one side filter that side before the join, where that keeps the join's
 * meaning: both sides of INNER and SEMI joins, only the null-supplying (inner) side of LEFT/RIGHT joins, the right
 * side of ANTI joins; never for FULL and MARK joins (there a failing condition produces padded rows / FALSE marks).
 */
public final class PushJoinConditionIntoInputs extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Join join) || join.condition().isEmpty()) {
            return null;
        }
        boolean intoLeft = switch (join.type()) {
            case INNER, SEMI, RIGHT, RIGHT_SEMI, RIGHT_ANTI -> true;
            case LEFT, FULL, ANTI, MARK, SINGLE -> false;
        };
        boolean intoRight = switch (join.type()) {
            case INNER, SEMI, LEFT, ANTI, RIGHT_SEMI, SINGLE -> true;
            case RIGHT, FULL, MARK, RIGHT_ANTI -> false;
        };
        Set<Integer> leftIds = Expressions.ids(join.left().outputs());
        Set<Integer> rightIds = Expressions.ids(join.right().outputs());
        List<RowExpression> left = new ArrayList<>();
        List<RowExpression> right = new ArrayList<>();
        List<RowExpression> kept = new ArrayList<>();
        for (RowExpression conjunct : Expressions.conjuncts(join.condition().get())) {
            Set<Integer> ids = Expressions.symbolIds(conjunct);
            if (intoLeft && !ids.isEmpty() && leftIds.containsAll(ids)) {
                left.add(conjunct);
            }
            else if (intoRight && !ids.isEmpty() && rightIds.containsAll(ids)) {
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

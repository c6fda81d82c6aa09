package dev.basalt.planner.rule;

import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;

/** {@code Filter(Filter(x, a), b)} becomes {@code Filter(x, a AND b)}. */
public final class MergeFilters extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (node instanceof Filter outer && outer.source() instanceof Filter inner) {
            return new Filter(inner.source(), Expressions.and(inner.predicate(), outer.predicate()));
        }
        return null;
    }
}

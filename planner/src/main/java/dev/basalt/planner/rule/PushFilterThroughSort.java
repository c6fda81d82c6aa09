package dev.basalt.planner.rule;

import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Sort;

/** Filters before sorting: {@code Filter(Sort(x))} becomes {@code Sort(Filter(x))}. */
public final class PushFilterThroughSort extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (node instanceof Filter filter && filter.source() instanceof Sort sort) {
            return new Sort(new Filter(sort.source(), filter.predicate()), sort.orderings());
        }
        return null;
    }
}

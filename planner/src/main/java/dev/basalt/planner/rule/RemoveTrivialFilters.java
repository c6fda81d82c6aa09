package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Values;

/** {@code Filter(TRUE)} disappears; {@code Filter(FALSE)} and {@code Filter(NULL)} become an empty relation. */
public final class RemoveTrivialFilters extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (node instanceof Filter filter && filter.predicate() instanceof Constant constant) {
            if (Boolean.TRUE.equals(constant.value())) {
                return filter.source();
            }
            return Values.empty(filter.outputs());
        }
        return null;
    }
}
